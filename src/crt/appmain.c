/*
 * appmain.c - the entry point of every application built with
 * `ntk cc --app`: the real main() hands the application's own main (renamed
 * ntk_user_main / ntk_user_wmain by the compiler driver) to the kernel,
 * which loads the drivers, runs it, and unloads them.
 *
 * Linked as a static library so that it lands in the executable.
 */
#include <ntk/ntk.h>
#include <stddef.h>

int ntk_user_main(int argc, char **argv, char **envp) __attribute__((weak));
int ntk_user_wmain(int argc, uint16_t **argv, uint16_t **envp) __attribute__((weak));
/* Defined (as an absolute symbol) by ntk cc when the main returns void. */
extern char ntk_user_main_returns_void __attribute__((weak));

int main(int argc, char **argv, char **envp)
{
    struct ntk_app_entry entry = {
        .main = ntk_user_main,
        .wmain = ntk_user_wmain,
        .returns_void = &ntk_user_main_returns_void != NULL,
    };
    if (!entry.main && !entry.wmain) {
        static const char msg[] = "ntk: the application defines neither main nor wmain\n";
        extern long write(int, const void *, unsigned long);
        write(2, msg, sizeof msg - 1);
        return 127;
    }
    return ntk_app_run(argc, argv, envp, &entry);
}
