package jconcur.kernel.engine;

import java.util.Optional;
import jconcur.display.MimeBundle;

/** inspect_reply content: documentation of the name at the cursor, when one is found. */
public record Inspection(Optional<MimeBundle> documentation) {}
