package com.companion.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Limits that every servlet service applies to request bodies that are not uploads. */
@Validated
@ConfigurationProperties("platform.web")
public record WebProperties(DataSize maxJsonBody) {

    public WebProperties {
        if (maxJsonBody == null) {
            maxJsonBody = DataSize.ofKilobytes(64);
        }
    }
}
