package com.companion.offlinellm;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** Error bodies and headers as Together AI sends them. */
final class TogetherErrors {

    static final int RATE_LIMIT_PER_MINUTE = 60;

    private TogetherErrors() {}

    static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "invalid_api_key";
            case 402 -> "insufficient_balance";
            case 403 -> "context_length_exceeded";
            case 404 -> "model_not_found";
            case 429 -> "rate_limit_exceeded";
            case 500 -> "internal_server_error";
            case 502 -> "bad_gateway";
            case 503 -> "service_unavailable";
            case 504 -> "timeout";
            default -> status < 500 ? "invalid_request_error" : "server_error";
        };
    }

    static String defaultType(int status) {
        return switch (status) {
            case 429 -> "rate_limit_exceeded";
            case 402 -> "credit_limit";
            default -> status < 500 ? "invalid_request_error" : "server_error";
        };
    }

    static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "Invalid request.";
            case 401 ->
                "Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.";
            case 402 ->
                "Credit limit exceeded. Please navigate to https://api.together.xyz/settings/billing to add credit.";
            case 403 -> "Input validation error: the number of input tokens exceeds the model's context length.";
            case 404 ->
                "Unable to access model. Please visit https://api.together.ai/models to view the list of supported models.";
            case 429 -> "You have been rate limited. Please retry after the time given in the retry-after header.";
            case 500 -> "Internal server error.";
            case 503 -> "The server is overloaded or not ready yet.";
            case 504 -> "Request timed out.";
            default -> "Request failed with status " + status + ".";
        };
    }

    static String modelNotFoundMessage(String model) {
        return "Unable to access model " + model
                + ". Please visit https://api.together.ai/models to view the list of supported models.";
    }

    static String modelNotAvailableMessage(String model) {
        return "Unable to access non-serverless model " + model + ". Please visit https://api.together.ai/models/"
                + model + " to create and start a new dedicated endpoint for the model.";
    }

    static String endpointNotRunningMessage(String model) {
        return "The dedicated endpoint for " + model + " is not running. Please visit https://api.together.ai/models"
                + " to start the endpoint.";
    }

    static byte[] body(String message, String type, String code) {
        ObjectNode error = Json.object();
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        error.put("code", code);
        ObjectNode root = Json.object();
        root.set("error", error);
        return Json.bytes(root);
    }

    static Map<String, String> headers(int status, int retryAfterSeconds) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (status == 429) {
            headers.put("retry-after", Integer.toString(retryAfterSeconds));
            headers.put("x-ratelimit-limit", Integer.toString(RATE_LIMIT_PER_MINUTE));
            headers.put("x-ratelimit-remaining", "0");
            headers.put("x-ratelimit-reset", Integer.toString(retryAfterSeconds));
        }
        return headers;
    }
}
