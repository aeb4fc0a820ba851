/*
 * conio.c - the minimal console input of MS <conio.h> (declared in
 * include/shared/conio.h) on a POSIX terminal.
 *
 * While _getch waits, the terminal is switched out of canonical mode and
 * echo, and restored afterwards, so a key is returned as soon as it is
 * pressed. Standard input that is not a terminal is read as it is. Bytes
 * are read with read(2), below stdio's buffer, as the Windows console
 * functions read below the CRT's. Function keys arrive as their terminal
 * escape sequences, not as MS's 0/0xE0 prefixed codes.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "crt_internal.h"

/* Switches standard input to byte-at-a-time, no-echo input; returns
 * whether it did (and so must be restored). */
static BOOLEAN EnterRawInput(struct termios *Saved)
{
    struct termios raw;

    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, Saved) != 0)
        return FALSE;
    raw = *Saved;
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    return tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
}

static void LeaveRawInput(const struct termios *Saved)
{
    tcsetattr(STDIN_FILENO, TCSANOW, Saved);
}

NTK_CRTIMP int _getch(void)
{
    struct termios saved;
    BOOLEAN raw = EnterRawInput(&saved);
    unsigned char byte;
    ssize_t got;

    fflush(stdout); /* a prompt written with printf shows before the wait */
    do {
        got = read(STDIN_FILENO, &byte, 1);
    } while (got < 0 && errno == EINTR);
    if (raw)
        LeaveRawInput(&saved);
    return got == 1 ? byte : EOF;
}

NTK_CRTIMP int _putch(int character)
{
    if (fputc(character, stdout) == EOF || fflush(stdout) == EOF)
        return EOF;
    return (unsigned char)character;
}

NTK_CRTIMP int _getche(void)
{
    int character = _getch();

    if (character != EOF)
        _putch(character);
    return character;
}

NTK_CRTIMP int _kbhit(void)
{
    struct termios saved;
    BOOLEAN raw = EnterRawInput(&saved);
    struct pollfd input = {STDIN_FILENO, POLLIN, 0};
    int ready = poll(&input, 1, 0);

    if (raw)
        LeaveRawInput(&saved);
    return ready > 0 && (input.revents & POLLIN) ? 1 : 0;
}
