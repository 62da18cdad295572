package jconcur.kernel.protocol;

import java.util.Optional;
import jconcur.kernel.log.Log;
import jconcur.kernel.wire.Message;
import jconcur.kernel.wire.MessageSocket;
import jconcur.kernel.wire.MessageSocket.ChannelClosedException;
import jconcur.kernel.wire.MessageCodec;

/**
 * The thread of one request channel (shell or control): blocks on the socket and dispatches each request
 * in arrival order, until the context is terminated at shutdown. After a failed cell with stop_on_error it
 * aborts the execute requests that are already queued, and handles other queued requests normally.
 */
public final class ChannelLoop implements Runnable {

    private final MessageSocket socket;
    private final MessageCodec codec;
    private final Dispatcher dispatcher;
    private final StopOnError stopOnError;

    public ChannelLoop(MessageSocket socket, MessageCodec codec, Dispatcher dispatcher, StopOnError stopOnError) {
        this.socket = socket;
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.stopOnError = stopOnError;
    }

    @Override
    public void run() {
        try {
            while (true) {
                dispatcher.dispatch(new Request(socket.receive(), socket, codec), this::abortQueuedAfterFailure);
            }
        } catch (ChannelClosedException e) {
            Log.debug("%s loop ends: %s", socket.channel(), e.getMessage());
        } finally {
            socket.close();
        }
    }

    /** Runs before the failed cell's idle: requests a client sends after seeing idle are never aborted. */
    private void abortQueuedAfterFailure() throws ChannelClosedException {
        if (!stopOnError.takeAbortRequest()) {
            return;
        }
        Optional<Message> queued;
        while ((queued = socket.receiveNow()).isPresent()) {
            Request request = new Request(queued.get(), socket, codec);
            if (request.type().equals("execute_request")) {
                dispatcher.abort(request);
            } else {
                dispatcher.dispatch(request, () -> {});
            }
        }
    }
}
