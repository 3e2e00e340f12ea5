package io.slipway.auth;

/**
 * Outcome of an access check. {@code HIDDEN} means the caller must not learn that the resource exists
 * (answered as 404, exactly like a resource that does not exist); {@code FORBIDDEN} means they may see it
 * but not do this (403).
 */
public enum Decision { ALLOW, FORBIDDEN, HIDDEN }
