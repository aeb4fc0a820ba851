/*
 * must_not_run_app.c - the application for tests whose driver must fail to
 * load (entry_fails.c, missing_import.c): ntk run has to stop before the
 * application starts. If it runs anyway, it says so and exits 1.
 */
#include <windows.h>
#include <stdio.h>

#include "e2e.h"

int main(void)
{
    CHECK(FALSE, "the application ran although its driver should have failed to load");
    e2e_finish();
    return 1;
}
