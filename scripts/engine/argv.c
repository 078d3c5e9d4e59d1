/*
 * argv printer for container-argv engine fixtures.
 * Prints its own argv (argv[0] included) to stdout as one JSON array of
 * strings on a single line, then exits 0.  Bytes >= 0x80 are copied as-is
 * (UTF-8 passes through); control characters, '"' and '\\' are escaped.
 * Built with `gcc -static` so it runs in a FROM-scratch image.
 */
#include <stdio.h>

static void put_string(const unsigned char *s) {
  putchar('"');
  for (; *s; s++) {
    unsigned char c = *s;
    switch (c) {
      case '"': fputs("\\\"", stdout); break;
      case '\\': fputs("\\\\", stdout); break;
      case '\n': fputs("\\n", stdout); break;
      case '\r': fputs("\\r", stdout); break;
      case '\t': fputs("\\t", stdout); break;
      case '\b': fputs("\\b", stdout); break;
      case '\f': fputs("\\f", stdout); break;
      default:
        if (c < 0x20 || c == 0x7f) printf("\\u%04x", c);
        else putchar(c);
    }
  }
  putchar('"');
}

int main(int argc, char **argv) {
  putchar('[');
  for (int i = 0; i < argc; i++) {
    if (i) putchar(',');
    put_string((const unsigned char *)argv[i]);
  }
  fputs("]\n", stdout);
  fflush(stdout);
  return 0;
}
