// libpng, plus a small C layer that keeps libpng's longjmp-based error handling inside C:
// every entry point sets its own jump buffer, turns a libpng error into a return code and a
// message, and frees what it allocated. Swift never sees setjmp/longjmp, and libpng never
// aborts the process (errors and warnings go through png_create_*_struct's callbacks).
#ifndef LESSONBUILD_CPNG_SHIM_H
#define LESSONBUILD_CPNG_SHIM_H

#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/// A decoded PNG before any colour conversion: 8-bit samples, one byte per sample (palette
/// indices for palette images), `channels` samples per pixel, rows top to bottom.
typedef struct {
    unsigned char *pixels;
    uint32_t width;
    uint32_t height;
    /// Samples per pixel after unpacking: 1 (gray or palette index), 2 (gray + alpha), 3 (RGB), 4 (RGBA).
    int channels;
    /// PNG_COLOR_TYPE_GRAY (0), _RGB (2), _PALETTE (3), _GRAY_ALPHA (4), _RGB_ALPHA (6).
    int color_type;
    /// The file's bit depth (1, 2, 4 or 8).
    int bit_depth;
    int interlaced;
    /// PLTE entries as R, G, B triples, for palette images.
    unsigned char palette[256 * 3];
    int palette_count;
    /// Set on failure.
    char message[200];
} lb_png_decoded;

typedef struct {
    const unsigned char *data;
    size_t size;
    size_t offset;
} lb_png_reader;

typedef struct {
    unsigned char *data;
    size_t size;
    size_t capacity;
    int failed;
} lb_png_writer;

static inline void lb_png_error(png_structp png, png_const_charp message) {
    char *target = (char *)png_get_error_ptr(png);
    if (target != NULL) {
        strncpy(target, message != NULL ? message : "unknown libpng error", 199);
        target[199] = 0;
    }
    png_longjmp(png, 1);
}

static inline void lb_png_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

static inline void lb_png_read(png_structp png, png_bytep out, png_size_t length) {
    lb_png_reader *reader = (lb_png_reader *)png_get_io_ptr(png);
    if (reader->size - reader->offset < length) {
        png_error(png, "the file is truncated");
    }
    memcpy(out, reader->data + reader->offset, length);
    reader->offset += length;
}

/// Decodes `data` into `out` (8-bit samples, palette kept as indices, 1/2/4-bit gray scaled to
/// 0...255 as libpng's expand_gray_1_2_4_to_8 does, interlacing undone). Refuses 16-bit files
/// and images with more than `max_pixels` pixels. Returns 0 on success; on failure returns -1,
/// leaves `out->pixels` NULL and the reason in `out->message`.
static inline int lb_png_decode(const unsigned char *data, size_t size, size_t max_pixels, lb_png_decoded *out) {
    memset(out, 0, sizeof *out);
    if (size < 8 || png_sig_cmp(data, 0, 8) != 0) {
        strcpy(out->message, "not a PNG file (the PNG signature is missing)");
        return -1;
    }
    lb_png_reader reader = {data, size, 0};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, out->message, lb_png_error, lb_png_warning);
    if (png == NULL) {
        strcpy(out->message, "libpng could not start");
        return -1;
    }
    png_infop info = png_create_info_struct(png);
    png_bytep *volatile rows = NULL;
    if (info == NULL || setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, info != NULL ? &info : NULL, NULL);
        free(rows);
        free(out->pixels);
        out->pixels = NULL;
        if (out->message[0] == 0) strcpy(out->message, "libpng could not read the file");
        return -1;
    }
    png_set_read_fn(png, &reader, lb_png_read);
    png_set_crc_action(png, PNG_CRC_ERROR_QUIT, PNG_CRC_ERROR_QUIT);
    png_set_user_limits(png, 1u << 16, 1u << 16);
    png_read_info(png, info);
    out->width = png_get_image_width(png, info);
    out->height = png_get_image_height(png, info);
    out->bit_depth = png_get_bit_depth(png, info);
    out->color_type = png_get_color_type(png, info);
    out->interlaced = png_get_interlace_type(png, info) != PNG_INTERLACE_NONE;
    if (out->bit_depth > 8) {
        png_error(png, "16-bit PNGs are not supported (convert the file to 8 bits per sample)");
    }
    if ((size_t)out->width * (size_t)out->height > max_pixels) {
        png_error(png, "the image has too many pixels");
    }
    if (out->color_type == PNG_COLOR_TYPE_PALETTE) {
        png_colorp entries = NULL;
        int count = 0;
        if (png_get_PLTE(png, info, &entries, &count) != PNG_INFO_PLTE || count <= 0 || count > 256) {
            png_error(png, "the palette image has no palette");
        }
        for (int i = 0; i < count; i++) {
            out->palette[3 * i] = entries[i].red;
            out->palette[3 * i + 1] = entries[i].green;
            out->palette[3 * i + 2] = entries[i].blue;
        }
        out->palette_count = count;
        png_set_packing(png);
    } else if (out->color_type == PNG_COLOR_TYPE_GRAY && out->bit_depth < 8) {
        png_set_expand_gray_1_2_4_to_8(png);
    }
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    out->channels = png_get_channels(png, info);
    size_t rowbytes = png_get_rowbytes(png, info);
    if (rowbytes != (size_t)out->width * (size_t)out->channels) {
        png_error(png, "unexpected row layout after unpacking");
    }
    out->pixels = (unsigned char *)malloc(rowbytes * out->height + 1);
    rows = (png_bytep *)malloc(sizeof(png_bytep) * (out->height + 1));
    if (out->pixels == NULL || rows == NULL) png_error(png, "out of memory");
    for (uint32_t y = 0; y < out->height; y++) rows[y] = out->pixels + rowbytes * y;
    png_read_image(png, rows);
    png_destroy_read_struct(&png, &info, NULL);
    free(rows);
    return 0;
}

static inline void lb_png_write(png_structp png, png_bytep bytes, png_size_t length) {
    lb_png_writer *writer = (lb_png_writer *)png_get_io_ptr(png);
    if (writer->capacity - writer->size < length) {
        size_t capacity = writer->capacity * 2 + length + 1024;
        unsigned char *grown = (unsigned char *)realloc(writer->data, capacity);
        if (grown == NULL) png_error(png, "out of memory");
        writer->data = grown;
        writer->capacity = capacity;
    }
    memcpy(writer->data + writer->size, bytes, length);
    writer->size += length;
}

static inline void lb_png_flush(png_structp png) { (void)png; }

/// Encodes 8-bit gray (`channels` 1) or RGB (3) pixels, rows top to bottom, as a PNG with fixed
/// settings (no tIME or text chunks, zlib level 1, adaptive filters) so the bytes depend only on
/// the pixels and the libpng/zlib versions. On success returns 0 and a malloc'd buffer the
/// caller frees with `free`; on failure -1 and the reason in `message` (200 bytes).
static inline int lb_png_encode(const unsigned char *pixels, uint32_t width, uint32_t height, int channels,
                                unsigned char **out_data, size_t *out_size, char *message) {
    *out_data = NULL;
    *out_size = 0;
    message[0] = 0;
    if (width == 0 || height == 0 || (channels != 1 && channels != 3)) {
        strcpy(message, "a PNG needs a non-empty gray or RGB image");
        return -1;
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, message, lb_png_error, lb_png_warning);
    if (png == NULL) {
        strcpy(message, "libpng could not start");
        return -1;
    }
    png_infop info = png_create_info_struct(png);
    lb_png_writer writer = {NULL, 0, 0, 0};
    lb_png_writer *volatile target = &writer;
    if (info == NULL || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, info != NULL ? &info : NULL);
        free(target->data);
        if (message[0] == 0) strcpy(message, "libpng could not write the image");
        return -1;
    }
    png_set_write_fn(png, &writer, lb_png_write, lb_png_flush);
    png_set_compression_level(png, 1);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_ALL_FILTERS);
    png_set_IHDR(png, info, width, height, 8, channels == 1 ? PNG_COLOR_TYPE_GRAY : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_write_info(png, info);
    size_t rowbytes = (size_t)width * (size_t)channels;
    for (uint32_t y = 0; y < height; y++) {
        png_write_row(png, (png_const_bytep)(pixels + rowbytes * y));
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    *out_data = writer.data;
    *out_size = writer.size;
    return 0;
}

#endif
