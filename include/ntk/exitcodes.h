/*
 * exitcodes.h - the process exit statuses with which ntk itself ends a
 * process, as opposed to the status the application returns.
 *
 * They lie above the small values a test application returns from main and
 * above the 128+N (at most 192) that a shell reports for death by signal N,
 * so a test harness can tell "the driver bug-checked" from "the test failed"
 * from "the process crashed" by the exit status alone.
 */
#ifndef NTK_EXITCODES_H
#define NTK_EXITCODES_H

/* A bug check ended the process (KeBugCheckEx, a driver fault, a verifier
 * violation); the report is on standard error. */
#define NTK_EXIT_BUGCHECK 200

/* A driver image could not be loaded or its DriverEntry failed before the
 * application ran. */
#define NTK_EXIT_DRIVER_LOAD_FAILED 201

#endif /* NTK_EXITCODES_H */
