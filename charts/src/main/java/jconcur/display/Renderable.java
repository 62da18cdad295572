package jconcur.display;

/** A user type that chooses how a notebook shows it (as a cell's last value or through display()). */
public interface Renderable {
    MimeBundle toMimeBundle();
}
