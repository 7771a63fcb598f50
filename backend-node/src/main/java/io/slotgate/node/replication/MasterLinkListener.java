package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;
import io.slotgate.routing.resp.RespRequest;

/** What the replica side does with the master link's events; every call comes on the replication loop. */
interface MasterLinkListener {

    /** The PSYNC arguments: a known history's id and next offset, or "?" and -1. */
    String[] psyncArguments();

    void onFullResync(MasterLink link, String replid, long offset);

    /** +CONTINUE, with the master's id when it sent one (psync2), else null. */
    void onContinue(MasterLink link, String replid);

    /** The whole snapshot payload (ownership passes). */
    void onSnapshot(MasterLink link, ByteBuf rdb);

    /** One command of the stream (ownership passes); its frame's size is what it adds to the offset. */
    void onCommand(MasterLink link, RespRequest command);

    void onLinkDown(MasterLink link, String reason);
}
