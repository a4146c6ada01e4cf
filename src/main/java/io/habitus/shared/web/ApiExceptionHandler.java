package io.habitus.shared.web;

import io.habitus.shared.FieldError;
import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.ProblemType;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place where exceptions become RFC 9457 problem responses. Spring MVC's own exceptions
 * get Habitus's stable type URIs; bodies that cannot be read say where they broke; a database
 * outage becomes 503 with {@code Retry-After}; anything unexpected is logged and answered 500
 * without internals.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final HttpLimitsProperties limits;

    ApiExceptionHandler(HttpLimitsProperties limits) {
        this.limits = limits;
    }

    /**
     * Before any commit was attempted nothing was stored; at or after one, the outcome is unknown
     * (the commit may have been applied before the connection broke), and the answer says so.
     */
    private ResponseEntity<Object> databaseUnavailable(Exception ex, WebRequest request) {
        boolean unknown = CommitAttempts.attemptedDuring(request);
        log.warn("database unavailable ({}): {}", unknown ? "outcome unknown" : "nothing stored", ex.getMessage());
        ProblemDetail problem = HabitusProblem.problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.UNAVAILABLE, unknown
                ? "The database became unreachable while the request was being committed: it may or may not have "
                        + "been stored. Retry the same request later; a batch retried with the same batchId is stored "
                        + "once (answered DUPLICATE if it was stored)."
                : "The database is unreachable; nothing was stored. Retry later.");
        problem.setProperty("outcome", unknown ? "UNKNOWN" : "NOT_STORED");
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<Object> lockConflict(Exception ex, WebRequest request) {
        ProblemDetail problem = HabitusProblem.problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.UNAVAILABLE,
                "A concurrent request held the same data; nothing was stored. Retry.");
        // Lock conflicts end a statement before any commit: the transaction was rolled back.
        problem.setProperty("outcome", "NOT_STORED");
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(null, v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return invalid("The request breaks " + errors.size() + " constraint(s)", errors, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        if (DatabaseOutages.isOutage(ex)) {
            return databaseUnavailable(ex, request);
        }
        log.error("unexpected error on {}", request.getDescription(false), ex);
        ProblemDetail problem = HabitusProblem.problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL,
                "Unexpected server error; it has been logged.");
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = causeOfType(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            ProblemDetail problem = HabitusProblem.problem(HttpStatus.CONTENT_TOO_LARGE,
                    ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            return createResponseEntity(problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        MalformedUtf8Exception malformed = causeOfType(ex, MalformedUtf8Exception.class);
        ProblemDetail problem = HabitusProblem.problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                malformed != null ? malformed.getMessage() : unreadableDetail(ex));
        return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A path or query value that does not convert, such as a malformed {@code {digest}}: 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : String.valueOf(ex.getPropertyName());
        String reason = ex.getRequiredType() == ImageDigest.class ? ImageDigest.FORMAT
                : "must be a valid " + (ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName());
        return invalid("The request breaks 1 constraint(s)", List.of(new FieldError(null, name, reason)), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(null, e.getField(), String.valueOf(e.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return invalid("The request body breaks " + errors.size() + " constraint(s)", errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(null, parameterName(result), String.valueOf(error.getDefaultMessage()))))
                .toList();
        return invalid("The request breaks " + errors.size() + " constraint(s)", errors, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                ProblemType type = ProblemType.forStatus(statusCode.value());
                problem.setType(type.uri());
                problem.setTitle(type.title());
            }
        }
        if (statusCode.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(limits.retryAfter().toSeconds()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> invalid(String detail, List<FieldError> errors, WebRequest request) {
        ProblemDetail problem = HabitusProblem.problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, detail);
        problem.setProperty("errors", errors);
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name == null ? "parameter" : name;
    }

    private static String unreadableDetail(HttpMessageNotReadableException ex) {
        MismatchedInputException mismatch = causeOfType(ex, MismatchedInputException.class);
        if (mismatch != null) {
            return "Field '" + JsonPaths.of(mismatch.getPath()) + "' has the wrong type or shape: "
                    + mismatch.getOriginalMessage();
        }
        JacksonException json = causeOfType(ex, JacksonException.class);
        if (json != null) {
            return "The body is not valid JSON: " + json.getOriginalMessage();
        }
        if (ex.getCause() != null && ex.getCause().getMessage() != null) {
            return "The body cannot be read: " + ex.getCause().getMessage();
        }
        return "The body is missing or cannot be read";
    }

    private static <T extends Throwable> @Nullable T causeOfType(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
