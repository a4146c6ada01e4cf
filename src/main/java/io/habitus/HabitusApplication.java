package io.habitus;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync // @ApplicationModuleListener runs after commit on the application task executor (virtual threads)
// Bearer tokens are the only way in: no generated user, no password login.
public class HabitusApplication {

    public static void main(String[] args) {
        SpringApplication.run(HabitusApplication.class, args);
    }
}
