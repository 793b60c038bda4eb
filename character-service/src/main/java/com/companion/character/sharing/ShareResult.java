package com.companion.character.sharing;

/** What {@code POST /characters/{id}/share} answers: a grant or a share link. */
public sealed interface ShareResult permits GrantResponse, ShareLinkResponse {}
