package io.slotgate.routing.topology;

public enum NodeRole { MASTER, REPLICA }
