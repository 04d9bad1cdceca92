package dev.commerce.order.store;

/** Which endpoint serves a read: the writer (always current) or the reader (may lag the writer slightly). */
public enum ReadFrom {
    WRITER, READER
}
