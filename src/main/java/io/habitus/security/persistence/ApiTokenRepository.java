package io.habitus.security.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiTokenRepository extends JpaRepository<ApiTokenEntity, UUID> {

    Optional<ApiTokenEntity> findBySecretHash(String secretHash);

    List<ApiTokenEntity> findAllByOrderByCreatedAtDesc();
}
