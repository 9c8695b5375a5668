package org.colearn.server.bench;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.tyrus.client.ClientManager;

/**
 * One process of {@link LiveLoad}'s clients, so that the generator is not the server's neighbour on one JVM: opens its
 * share of the connections to a Colearn session (each says hello with its token) or to the bare server, and reports
 * on standard output, one line each: {@code joined}, {@code got <b>} when every open connection has broadcast
 * {@code b}, and at {@code end} (a line on standard input) the latencies, the presence bytes received and the closes.
 * A broadcast's text carries the {@link System#nanoTime()} it was sent at: on Linux one monotonic clock for every
 * process on the machine.
 *
 * <p>Arguments: {@code colearn <uri> <tokens file> <from> <to>} or {@code bare <uri> <count>}.
 */
public final class LoadClients {

    public static void main(String[] args) throws Exception {
        boolean colearn = args[0].equals("colearn");
        URI uri = URI.create(args[1]);
        List<String> tokens = colearn
                ? Files.readAllLines(Path.of(args[2])).subList(Integer.parseInt(args[3]), Integer.parseInt(args[4]))
                : java.util.Collections.nCopies(Integer.parseInt(args[2]), "");
        ClientManager client = ClientManager.createClient();
        CountDownLatch joined = new CountDownLatch(tokens.size());
        Map<Integer, AtomicInteger> received = new ConcurrentHashMap<>();
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong presenceBytes = new AtomicLong();
        Map<Integer, Integer> closes = new ConcurrentHashMap<>();
        AtomicInteger open = new AtomicInteger();
        List<Session> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
        // Like the web app, every client pings every 20 s from when it connects (not from when all have: connecting
        // thousands takes minutes); the server closes connections silent for 60 s.
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
        if (colearn) {
            heartbeat.scheduleAtFixedRate(() -> sockets.forEach(socket -> {
                if (socket.isOpen()) {
                    socket.getAsyncRemote().sendText("{\"type\":\"ping\"}");
                }
            }), 20, 20, TimeUnit.SECONDS);
        }
        long began = System.nanoTime();
        for (String token : tokens) {
            sockets.add(client.connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session session, EndpointConfig config) {
                    open.incrementAndGet();
                    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                        long now = System.nanoTime();
                        if (text.startsWith("{\"re\":\"h\"")) {
                            joined.countDown();
                        } else if (text.startsWith("{\"type\":\"presence.")) {
                            presenceBytes.addAndGet(text.getBytes(StandardCharsets.UTF_8).length);
                        } else {
                            int at = text.indexOf("B:");
                            if (at >= 0) {
                                String[] parts = text.substring(at + 2).split("[:\"]", 3);
                                latencies.add((now - Long.parseLong(parts[1])) / 1e6);
                                int count = received.computeIfAbsent(Integer.parseInt(parts[0]), b -> new AtomicInteger()).incrementAndGet();
                                if (count == open.get()) {
                                    say("got " + parts[0]);
                                }
                            }
                        }
                    });
                    if (colearn) {
                        session.getAsyncRemote().sendText("{\"type\":\"hello\",\"ref\":\"h\",\"body\":{\"token\":\"" + token + "\"}}");
                    } else {
                        joined.countDown();
                    }
                }

                @Override
                public void onClose(Session session, CloseReason reason) {
                    open.decrementAndGet();
                    closes.merge(reason.getCloseCode().getCode(), 1, Integer::sum);
                }
            }, ClientEndpointConfig.Builder.create().build(), uri));
        }
        // Where the time goes: the handshakes (one at a time, as a browser's would be) or the hellos' answers after them.
        System.err.printf("clients: %d connected after %d ms, %d of them joined by then%n", sockets.size(), (System.nanoTime() - began) / 1_000_000, tokens.size() - joined.getCount());
        joined.await();
        System.err.printf("clients: all joined after %d ms%n", (System.nanoTime() - began) / 1_000_000);
        say("joined");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("end"); line = in.readLine()) {
            // The parent broadcasts meanwhile; "end" comes when it is done (or its end of input, if it failed).
        }
        heartbeat.shutdownNow();
        StringJoiner all = new StringJoiner(",");
        synchronized (latencies) {
            latencies.forEach(latency -> all.add(String.format("%.2f", latency)));
        }
        say("latencies " + all);
        say("presence " + presenceBytes.get());
        say("closes " + closes);
        sockets.forEach(LiveLoad::close);
        System.exit(0);
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
