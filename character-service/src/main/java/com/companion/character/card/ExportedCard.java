package com.companion.character.card;

/** An exported card file: its bytes, format and a file name. */
public record ExportedCard(byte[] bytes, CardFormat format, String fileName) {}
