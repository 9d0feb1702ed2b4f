package io.zkmargin.service.store;

/** A pending webhook delivery of one event to one URL, claimed under a lease. */
public record DeliveryRecord(long eventId, String url, int attempts) { }
