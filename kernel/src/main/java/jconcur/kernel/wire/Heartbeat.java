package jconcur.kernel.wire;

import jconcur.kernel.log.Log;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

/** Echoes every heartbeat message back to its sender, on its own thread so a busy kernel still answers. */
public final class Heartbeat implements Runnable {

    private final ZMQ.Socket socket;

    public Heartbeat(ZMQ.Socket socket) {
        this.socket = socket;
    }

    @Override
    public void run() {
        try {
            while (true) {
                // ROUTER: [sender identity, payload...]; sending the same frames back routes them to the sender.
                byte[] frame = socket.recv(0);
                if (frame == null) {
                    break;
                }
                while (socket.hasReceiveMore()) {
                    socket.sendMore(frame);
                    frame = socket.recv(0);
                }
                socket.send(frame);
            }
        } catch (ZMQException | ZError.IOException | IllegalStateException e) {
            Log.debug("heartbeat stopped: %s", e);
        } finally {
            socket.close();
        }
    }
}
