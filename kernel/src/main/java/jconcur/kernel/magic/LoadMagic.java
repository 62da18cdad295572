package jconcur.kernel.magic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jconcur.kernel.engine.ExecuteOutcome;

/** %load FILE: runs a file of Java snippets (a .jshell script, magics allowed) as if it were a cell, as IJava does. */
final class LoadMagic implements Magic {

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String usage() {
        return "%load FILE";
    }

    @Override
    public String help() {
        return "Reads the file (relative paths from the kernel's working directory, the notebook's folder) "
                + "and runs it as a cell: its declarations stay defined and its last value is shown.";
    }

    @Override
    public ExecuteOutcome line(String args, MagicContext context) throws MagicUsageException, MagicFailedException {
        List<String> words = MagicArgs.split(args);
        if (words.size() != 1) {
            throw new MagicUsageException("%load needs one file");
        }
        Path file = Path.of(words.get(0)).toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new MagicFailedException("FileNotFoundError", "cannot read " + file
                    + (Files.exists(file) ? ": " + e.getMessage() : ": no such file"));
        }
        return context.runCell(text);
    }
}
