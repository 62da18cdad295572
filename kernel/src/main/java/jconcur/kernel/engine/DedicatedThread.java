package jconcur.kernel.engine;

import java.util.concurrent.Executor;

/**
 * Runs each task on a new daemon platform thread of its own. For the user VM's start-up steps, which block for
 * a second or so: on the common pool they would queue behind each other (on 2 cores it has one worker), so the
 * user VM would only be launched after JShell had compiled the preloaded imports instead of meanwhile.
 */
final class DedicatedThread implements Executor {

    private final String name;

    DedicatedThread(String name) {
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        Thread.ofPlatform().name(name).daemon().start(task);
    }
}
