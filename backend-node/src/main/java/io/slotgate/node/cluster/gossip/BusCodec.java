package io.slotgate.node.cluster.gossip;

import io.netty.buffer.ByteBuf;
import io.slotgate.node.cluster.state.SlotSet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Encodes and decodes whole bus frames in the format documented in {@code package-info.java}. */
public final class BusCodec {

    /** "SGcb": Slotgate cluster bus. */
    public static final int MAGIC = 0x53476362;
    public static final int VERSION = 1;
    /** Magic + length. */
    public static final int PREFIX_LENGTH = 8;
    /** Smallest possible frame: fixed header fields, an empty IP and the bitmap, no body. */
    public static final int MIN_FRAME_LENGTH = PREFIX_LENGTH + 2 + 2 + 40 + 8 + 8 + 8 + 2 + 40 + 2 + 2 + 1 + 1
            + SlotSet.BYTES;
    /** Largest frame accepted by default: room for big PUBLISH payloads, bounded against garbage lengths. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 64 * 1024 * 1024;
    static final int ID_LENGTH = 40;
    static final int MAX_IP_LENGTH = 46;
    private static final int MAX_GOSSIP_ENTRIES = 65535;

    private BusCodec() {
    }

    /** Appends one complete frame for {@code message} to {@code out}. */
    public static void encode(BusMessage message, ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(MAGIC);
        out.writeInt(0); // patched below
        BusHeader h = message.header();
        out.writeShort(VERSION);
        out.writeShort(message.wireType());
        writeId(out, h.senderId());
        out.writeLong(h.currentEpoch());
        out.writeLong(h.configEpoch());
        out.writeLong(h.replOffset());
        out.writeShort(h.flags());
        writeId(out, h.masterId());
        out.writeShort(h.port());
        out.writeShort(h.busPort());
        out.writeByte(h.stateFail() ? 1 : 0);
        writeIp(out, h.ip());
        out.writeBytes(h.slots().toBytes());
        MessageBody body = message.body();
        if (body instanceof MessageBody.Gossip g) {
            out.writeShort(g.entries().size());
            for (GossipEntry e : g.entries()) {
                writeId(out, e.id());
                writeIp(out, e.ip());
                out.writeShort(e.port());
                out.writeShort(e.busPort());
                out.writeShort(e.flags());
                out.writeLong(e.pingSent());
                out.writeLong(e.pongReceived());
            }
        } else if (body instanceof MessageBody.Publish p) {
            out.writeInt(p.channel().length);
            out.writeBytes(p.channel());
            out.writeInt(p.message().length);
            out.writeBytes(p.message());
        } else if (body instanceof MessageBody.Fail f) {
            writeId(out, f.nodeId());
        } else if (body instanceof MessageBody.Update u) {
            writeId(out, u.nodeId());
            out.writeLong(u.configEpoch());
            out.writeBytes(u.slots().toBytes());
        } else if (body instanceof MessageBody.Opaque o) {
            out.writeBytes(o.bytes());
        }
        out.setInt(start + 4, out.writerIndex() - start);
    }

    /**
     * Decodes one whole frame (prefix included, exactly the frame's bytes readable). Never throws on bad input.
     *
     * @return the message, or null if the frame is malformed (the reason goes to {@code problem} if non-null)
     */
    public static BusMessage decode(ByteBuf frame, StringBuilder problem) {
        try {
            return decodeOrThrow(frame);
        } catch (BusFormatException | IndexOutOfBoundsException e) {
            if (problem != null) {
                problem.append(e.getMessage());
            }
            return null;
        }
    }

    private static BusMessage decodeOrThrow(ByteBuf in) {
        int length = in.readableBytes();
        if (length < MIN_FRAME_LENGTH) {
            throw new BusFormatException("frame of " + length + " bytes is shorter than a header");
        }
        if (in.readInt() != MAGIC) {
            throw new BusFormatException("bad magic");
        }
        int declared = in.readInt();
        if (declared != length) {
            throw new BusFormatException("declared length " + declared + " but frame has " + length + " bytes");
        }
        int version = in.readUnsignedShort();
        if (version != VERSION) {
            throw new BusFormatException("unsupported version " + version);
        }
        int wireType = in.readUnsignedShort();
        String sender = readId(in);
        if (sender == null) {
            throw new BusFormatException("missing sender id");
        }
        long currentEpoch = in.readLong();
        long configEpoch = in.readLong();
        long replOffset = in.readLong();
        int flags = in.readUnsignedShort();
        String master = readId(in);
        int port = in.readUnsignedShort();
        int busPort = in.readUnsignedShort();
        boolean stateFail = in.readByte() != 0;
        String ip = readIp(in);
        byte[] bitmap = new byte[SlotSet.BYTES];
        in.readBytes(bitmap);
        BusHeader header = new BusHeader(sender, currentEpoch, configEpoch, replOffset, flags, master, port, busPort,
                ip, stateFail, SlotSet.fromBytes(bitmap));
        MessageType type = MessageType.fromWire(wireType);
        MessageBody body;
        if (type != null && type.carriesGossip()) {
            body = readGossip(in);
        } else if (type == MessageType.PUBLISH || type == MessageType.PUBLISHSHARD) {
            byte[] channel = readBlock(in);
            byte[] message = readBlock(in);
            body = new MessageBody.Publish(channel, message);
        } else if (type == MessageType.FAIL) {
            body = new MessageBody.Fail(requireId(in));
        } else if (type == MessageType.UPDATE) {
            String id = requireId(in);
            long epoch = in.readLong();
            byte[] slots = new byte[SlotSet.BYTES];
            in.readBytes(slots);
            body = new MessageBody.Update(id, epoch, SlotSet.fromBytes(slots));
        } else if (type == MessageType.FAILOVER_AUTH_REQUEST || type == MessageType.FAILOVER_AUTH_ACK
                || type == MessageType.MFSTART) {
            body = MessageBody.Empty.INSTANCE;
        } else {
            byte[] rest = new byte[in.readableBytes()];
            in.readBytes(rest);
            body = new MessageBody.Opaque(rest);
        }
        if (in.isReadable()) {
            throw new BusFormatException(in.readableBytes() + " unexpected bytes after the body");
        }
        return new BusMessage(type, wireType, header, body);
    }

    private static MessageBody.Gossip readGossip(ByteBuf in) {
        int count = in.readUnsignedShort();
        // Each entry needs at least 63 bytes: reject impossible counts before allocating.
        if (count > in.readableBytes() / 63 || count > MAX_GOSSIP_ENTRIES) {
            throw new BusFormatException("gossip count " + count + " exceeds the frame");
        }
        List<GossipEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = readId(in);
            if (id == null) {
                throw new BusFormatException("gossip entry without id");
            }
            String ip = readIp(in);
            int port = in.readUnsignedShort();
            int busPort = in.readUnsignedShort();
            int flags = in.readUnsignedShort();
            long pingSent = in.readLong();
            long pongReceived = in.readLong();
            entries.add(new GossipEntry(id, ip, port, busPort, flags, pingSent, pongReceived));
        }
        return new MessageBody.Gossip(entries);
    }

    private static byte[] readBlock(ByteBuf in) {
        long len = in.readUnsignedInt();
        if (len > in.readableBytes()) {
            throw new BusFormatException("block of " + len + " bytes exceeds the frame");
        }
        byte[] b = new byte[(int) len];
        in.readBytes(b);
        return b;
    }

    private static String requireId(ByteBuf in) {
        String id = readId(in);
        if (id == null) {
            throw new BusFormatException("missing node id in body");
        }
        return id;
    }

    /** 40 ASCII bytes, or 40 zero bytes for "none". */
    private static void writeId(ByteBuf out, String id) {
        if (id == null) {
            out.writeZero(ID_LENGTH);
            return;
        }
        if (id.length() != ID_LENGTH) {
            throw new IllegalArgumentException("node id must be 40 characters: " + id);
        }
        out.writeCharSequence(id, StandardCharsets.US_ASCII);
    }

    private static String readId(ByteBuf in) {
        if (in.getByte(in.readerIndex()) == 0) {
            in.skipBytes(ID_LENGTH);
            return null;
        }
        String id = in.readCharSequence(ID_LENGTH, StandardCharsets.US_ASCII).toString();
        for (int i = 0; i < ID_LENGTH; i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                throw new BusFormatException("bad node id");
            }
        }
        return id;
    }

    private static void writeIp(ByteBuf out, String ip) {
        String s = ip == null ? "" : ip;
        if (s.length() > MAX_IP_LENGTH) {
            throw new IllegalArgumentException("ip too long: " + s);
        }
        out.writeByte(s.length());
        out.writeCharSequence(s, StandardCharsets.US_ASCII);
    }

    private static String readIp(ByteBuf in) {
        int len = in.readUnsignedByte();
        if (len > MAX_IP_LENGTH) {
            throw new BusFormatException("ip of " + len + " bytes");
        }
        return in.readCharSequence(len, StandardCharsets.US_ASCII).toString();
    }

    /** A malformed frame; internal to the codec, surfaced as a null decode result. */
    static final class BusFormatException extends RuntimeException {
        BusFormatException(String message) {
            super(message, null, false, false);
        }
    }
}
