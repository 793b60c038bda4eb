package com.companion.contracts.ads;

import java.util.UUID;

public record Ad(UUID adId, String title, String body, String imageUrl, String clickUrl) {}
