package org.chapkit.client.artifact;

import java.util.Locale;

/**
 * The {@code compression} parameter of {@code $download}, {@code $export} and {@code $import}: the file itself is
 * compressed (a download's name gets {@code .gz}/{@code .bz2} and its type becomes the container's). The client
 * does not decompress such files: what is written is exactly the {@code .gz} or {@code .bz2} file.
 */
public enum Compression {
    /** Not compressed (the parameter is left out). */
    NONE(null, ""),
    /** gzip ({@code application/gzip}, {@code .gz}). */
    GZIP("application/gzip", ".gz"),
    /** bzip2 ({@code application/x-bzip2}, {@code .bz2}). */
    BZIP2("application/x-bzip2", ".bz2");

    private final String mediaType;
    private final String suffix;

    Compression(String mediaType, String suffix) {
        this.mediaType = mediaType;
        this.suffix = suffix;
    }

    /**
     * The value of the {@code compression} query parameter.
     *
     * @return {@code gzip} or {@code bzip2}, or {@code null} for {@link #NONE} (the parameter is not sent)
     */
    public String wireValue() {
        return this == NONE ? null : name().toLowerCase(Locale.ROOT);
    }

    /**
     * The {@code Content-Type} of a file compressed this way.
     *
     * @param contentType the type of the uncompressed file
     * @return the container's type, or {@code contentType} for {@link #NONE}
     */
    public String mediaType(String contentType) {
        return mediaType == null ? contentType : mediaType;
    }

    /**
     * The file name suffix, with its dot.
     *
     * @return {@code .gz}, {@code .bz2}, or empty for {@link #NONE}
     */
    public String suffix() {
        return suffix;
    }

    /**
     * The compression a file name's suffix names.
     *
     * @param fileName a file name
     * @return {@link #GZIP} for {@code .gz}, {@link #BZIP2} for {@code .bz2}, {@link #NONE} otherwise
     */
    public static Compression ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(GZIP.suffix)) {
            return GZIP;
        }
        return name.endsWith(BZIP2.suffix) ? BZIP2 : NONE;
    }

    static String stripSuffix(String fileName) {
        Compression compression = ofFileName(fileName);
        return fileName.substring(0, fileName.length() - compression.suffix.length());
    }
}
