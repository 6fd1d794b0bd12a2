package org.muonscope.engine.experiment;

/**
 * Where a run came from, so any figure can be regenerated: versions, machine, time and the seed.
 */
public record RunProvenance(String muonscopeVersion, String javaVersion, String os, String arch, int processors,
                            String startedAt, long seed, String command) { }
