package com.companion.platform.web.testapp;

import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import com.companion.platform.web.security.PlatformSecurity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A service that adopts the web kit the way real services do. */
@SpringBootApplication
public class WebKitTestApp {

    public enum Mood {
        happy,
        sad
    }

    public record Pet(
            @NotBlank String petName,
            @NotNull @Min(0) @Max(100) Integer ageYears,
            Mood mood) {}

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return PlatformSecurity.build(
                http,
                auth -> auth.requestMatchers(HttpMethod.GET, "/open")
                        .permitAll()
                        .requestMatchers("/admin/by-rule", "/staff/by-rule")
                        .hasRole("admin"));
    }

    @RestController
    static class PetController {

        @PostMapping("/pets")
        Pet create(@Valid @RequestBody Pet pet) {
            return pet;
        }

        @GetMapping("/me")
        AuthenticatedUser me(AuthenticatedUser user) {
            return user;
        }

        @GetMapping("/log-context")
        Map<String, String> logContext() {
            return Map.of(
                    "user", String.valueOf(org.slf4j.MDC.get("user.id")),
                    "request", String.valueOf(org.slf4j.MDC.get("request_id")));
        }

        @GetMapping("/open")
        Map<String, Object> open(AuthenticatedUser user) {
            return Map.of("anonymous", user == null);
        }

        @GetMapping("/pets/{id}")
        Pet find(@PathVariable java.util.UUID id) {
            throw ApiProblem.notFound("pet");
        }

        @GetMapping("/pets")
        Map<String, String> search(@org.springframework.web.bind.annotation.RequestParam String ownerName) {
            return Map.of("owner_name", ownerName);
        }

        @GetMapping("/conflict")
        Pet conflict() {
            throw new ApiProblem(
                    HttpStatus.CONFLICT, "taken", "Conflict", "username is taken", Map.of("field", "username"));
        }

        @GetMapping("/boom")
        Pet boom() {
            throw new IllegalStateException("select * from secret_table where password = 'x'");
        }

        @GetMapping({"/admin/reports", "/staff/reports"})
        @PreAuthorize("hasRole('admin')")
        Map<String, String> admin() {
            return Map.of("ok", "yes");
        }

        @GetMapping({"/admin/by-rule", "/staff/by-rule"})
        Map<String, String> byRule() {
            return Map.of("ok", "yes");
        }
    }
}
