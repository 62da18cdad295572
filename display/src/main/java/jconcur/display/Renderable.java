package jconcur.display;

/** A user type that chooses how a notebook shows it (as a cell's last value or through display()). */
public interface Renderable {
    /**
     * How to show this value.
     *
     * @return the MIME bundle to display (e.g. text/html, image/png, text/plain)
     */
    MimeBundle toMimeBundle();
}
