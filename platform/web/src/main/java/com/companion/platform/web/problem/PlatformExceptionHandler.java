package com.companion.platform.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 problem. Field names are given
 * as the client wrote them (snake_case). Unexpected exceptions are logged with an id that the
 * answer carries; no stack trace, SQL or class name reaches the client. A service may declare
 * its own advice with a higher precedence for exceptions of its own.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class PlatformExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformExceptionHandler.class);

    @ExceptionHandler(ApiProblem.class)
    public ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status());
        problem.retryAfterSeconds().ifPresent(seconds -> response.header("Retry-After", Long.toString(seconds)));
        return response.body(problem.toProblemDetail());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(Problems.validation(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return ResponseEntity.badRequest()
                .body(Problems.validation(List.of(new FieldError(
                        SnakeCase.of(ex.getName()), "must be a valid " + simpleType(ex.getRequiredType())))));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    public ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException ex) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ex.toProblemDetail());
    }

    /**
     * Method security ({@code @PreAuthorize}) denials: the caller is known but lacks a role (see
     * {@link Problems#accessDenied}: 404 under {@code /admin/}).
     */
    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.accessDenied(request);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(AuthenticationException.class)
    public ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid access token is required."));
    }

    /**
     * PostgreSQL's SQLSTATEs for text it cannot store: the NUL character (U+0000) in text (22021
     * character_not_in_repertoire) and as {@code \u0000} in jsonb (22P05 untranslatable_character).
     */
    static final Set<String> TEXT_NOT_STORABLE = Set.of("22021", "22P05");

    /**
     * Anything not handled above is a server error with an id in the log, except text the database cannot store:
     * PostgreSQL refuses the NUL character in text, whichever field, query parameter or imported file carried it. The
     * statement's transaction is rolled back, so nothing of the request was kept, and the caller gets a 400.
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        SQLException sql = causeOf(ex, SQLException.class);
        if (sql != null && TEXT_NOT_STORABLE.contains(sql.getSQLState())) {
            log.info("refused text the database cannot store: {}", sql.getMessage());
            return ResponseEntity.badRequest()
                    .body(Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "invalid-text",
                            "The request holds a character that cannot be stored, such as NUL (U+0000)."));
        }
        String errorId = UUID.randomUUID().toString();
        log.error("unexpected error {}", errorId, ex);
        ProblemDetail problem = Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side. Please try again.");
        problem.setProperty("error_id", errorId);
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult()
                .getFieldErrors()
                .forEach(e -> errors.add(new FieldError(SnakeCase.of(e.getField()), e.getDefaultMessage())));
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
        errors.sort(Comparator.comparing(FieldError::field));
        return ResponseEntity.badRequest().headers(headers).body(Problems.validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(e -> errors.add(new FieldError(SnakeCase.of(name), e.getDefaultMessage())));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return ResponseEntity.badRequest().headers(headers).body(Problems.validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = causeOf(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge.toProblemDetail());
        }
        UnrecognizedPropertyException unknown = causeOf(ex, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return ResponseEntity.badRequest()
                    .body(Problems.validation(List.of(new FieldError(path(unknown), "unknown field"))));
        }
        InvalidFormatException format = causeOf(ex, InvalidFormatException.class);
        if (format != null) {
            return ResponseEntity.badRequest()
                    .body(Problems.validation(List.of(
                            new FieldError(path(format), "must be a valid " + simpleType(format.getTargetType())))));
        }
        MismatchedInputException mismatch = causeOf(ex, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            return ResponseEntity.badRequest()
                    .body(Problems.validation(List.of(new FieldError(
                            path(mismatch), "must be a valid " + simpleType(mismatch.getTargetType())))));
        }
        JacksonException json = causeOf(ex, JacksonException.class);
        if (json != null && !json.getPath().isEmpty()) {
            return ResponseEntity.badRequest()
                    .body(Problems.validation(List.of(new FieldError(path(json), "has an invalid value"))));
        }
        return ResponseEntity.badRequest()
                .body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "The request body is not valid JSON."));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The upload is larger than allowed."));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.badRequest()
                .headers(headers)
                .body(Problems.validation(List.of(new FieldError(SnakeCase.of(ex.getParameterName()), "is required"))));
    }

    /**
     * The framework's own problems (405, 406, 415, a missing part, ...) keep their status and headers ({@code Allow},
     * {@code Accept}) and get a type named after the status, {@code /problems/method-not-allowed}; their detail may
     * name Java types, so it is replaced. Spring leaves their type unset ({@code about:blank}).
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            ProblemDetail safe = status == null
                    ? Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "error", "Error.")
                    : Problems.of(
                            status,
                            status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                            status.getReasonPhrase() + ".");
            safe.setStatus(statusCode.value());
            return new ResponseEntity<>(safe, headers, statusCode);
        }
        return new ResponseEntity<>(body, headers, statusCode);
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return SnakeCase.of(dot < 0 ? propertyPath : propertyPath.substring(dot + 1));
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "one of the allowed values";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == UUID.class) {
            return "UUID";
        }
        if (type == String.class) {
            return "string";
        }
        return "value";
    }

    private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
