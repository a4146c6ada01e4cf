package io.habitus.sensor.tetragon;

import io.habitus.sensor.event.EventDraft;
import io.habitus.sensor.event.JsonFields;
import io.habitus.sensor.internal.SkipReason;
import io.habitus.sensor.internal.Translation;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Tracepoints that become {@code syscall} events: {@code raw_syscalls/sys_enter} (by number; its id
 * argument comes as {@code syscall_id}, {@code long_arg} or {@code size_arg} depending on the policy's
 * type) and {@code syscalls/sys_enter_<name>} (by name).
 */
final class TracepointEvents {

    private static final String[] NUMBER_ARGS = {"long_arg", "size_arg", "int_arg", "uint_arg"};

    private TracepointEvents() {
    }

    static Translation translate(JsonNode tracepoint, Function<String, EventDraft> draft) {
        String subsystem = JsonFields.text(tracepoint, "subsys");
        String event = JsonFields.text(tracepoint, "event");
        if ("raw_syscalls".equals(subsystem) && "sys_enter".equals(event)) {
            Long nr = syscallNumber(tracepoint.get("args"));
            if (nr == null) {
                return Translation.skip(SkipReason.MISSING_FIELDS, "raw_syscalls/sys_enter without a syscall id argument");
            }
            return new Translation.Mapped(draft.apply("syscall").syscall(null, nr).json(), null);
        }
        if ("syscalls".equals(subsystem) && event != null && event.startsWith("sys_enter_")) {
            return new Translation.Mapped(draft.apply("syscall").syscall(event.substring("sys_enter_".length()), null).json(), null);
        }
        return Translation.skip(SkipReason.UNSUPPORTED_FUNCTION, subsystem + "/" + event);
    }

    private static @Nullable Long syscallNumber(@Nullable JsonNode args) {
        if (args == null || !args.isArray()) {
            return null;
        }
        for (JsonNode arg : args) {
            JsonNode id = arg.get("syscall_id");
            if (id != null && id.isObject()) {
                return JsonFields.number(id, "id");
            }
            for (String kind : NUMBER_ARGS) {
                Long number = JsonFields.number(arg, kind);
                if (number != null) {
                    return number;
                }
            }
        }
        return null;
    }
}
