// Evaluated in every fresh user VM before the first cell. A line that does not compile (a module that is not
// on the class path yet) is skipped.
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.concurrent.locks.*;
import java.util.function.*;
import java.util.stream.*;
import java.io.*;
import java.nio.file.*;
import java.math.*;
import java.net.*;
import java.net.http.*;
import java.time.*;
import jconcur.concurrency.*;
import jconcur.charts.*;
import jconcur.display.*;
import static jconcur.concurrency.Concurrency.*;
import static jconcur.charts.Charts.*;
import static jconcur.kernel.uservm.Notebook.*;
