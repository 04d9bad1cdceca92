package dev.commerce.session.domain;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/** The wall clock the service reads; a single bean so time-bucketed data can be tested without waiting hours. */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
