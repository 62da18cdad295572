package jconcur.kernel.engine;

import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.event.EventSet;

/**
 * Takes every JDI event set of one user VM off its queue. Without a debugger nothing is requested and each set
 * is resumed; an attached debugger sees each set first and keeps the thread of a breakpoint or step suspended.
 */
final class JdiEventPump {

    /** Sees each event set; returns whether it keeps the set's threads suspended (it resumes them later). */
    @FunctionalInterface
    interface Handler {
        boolean holds(EventSet events);
    }

    private volatile Handler handler;

    private JdiEventPump() {}

    static JdiEventPump start(VirtualMachine vm) {
        JdiEventPump pump = new JdiEventPump();
        Thread watcher = new Thread(() -> pump.run(vm), "jconcur-jdi-events");
        watcher.setDaemon(true);
        watcher.start();
        return pump;
    }

    /** The debugger that sees event sets from now on, or null for none. */
    void handler(Handler h) {
        handler = h;
    }

    private void run(VirtualMachine vm) {
        try {
            while (true) {
                EventSet events = vm.eventQueue().remove();
                Handler h = handler;
                if (h == null || !h.holds(events)) {
                    events.resume();
                }
            }
        } catch (VMDisconnectedException | InterruptedException e) {
            // the user VM is gone
        }
    }
}
