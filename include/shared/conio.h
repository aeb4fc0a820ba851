/*
 * conio.h - a minimal MS <conio.h> for console applications.
 *
 * _getch reads one byte from standard input without waiting for Enter and
 * without echo (when standard input is a terminal; otherwise it simply
 * reads one byte); _getche echoes it. Both return EOF (-1) at end of input.
 * _kbhit returns nonzero when a byte can be read without blocking. Input is
 * read with read(2), below stdio, as the Windows console functions bypass
 * the CRT's buffers. _putch writes one byte to stdout and flushes it, so it
 * stays in order with printf output.
 */
#ifndef NTK_CONIO_H
#define NTK_CONIO_H

#include <ntk_crt.h>

#ifndef _INC_CONIO
#define _INC_CONIO
#endif

NTK_CRTIMP int _getch(void);
NTK_CRTIMP int _getche(void);
NTK_CRTIMP int _kbhit(void);
NTK_CRTIMP int _putch(int character);

#define getch _getch
#define getche _getche
#define kbhit _kbhit
#define putch _putch

#endif /* NTK_CONIO_H */
