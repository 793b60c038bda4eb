package com.companion.chat.quota;

import com.companion.chat.access.AccessPolicy;
import com.companion.platform.web.security.AuthenticatedUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UsageController {

    private final DailyQuota quota;
    private final AccessPolicy access;

    UsageController(DailyQuota quota, AccessPolicy access) {
        this.quota = quota;
        this.access = access;
    }

    @GetMapping("/chat/usage")
    DailyQuota.Usage usage(AuthenticatedUser user) {
        return quota.usage(access.caller(user));
    }
}
