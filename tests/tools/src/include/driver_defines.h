/* Found through ntk cc -I: proves user include directories are searched. */
#define DRIVER_DEFINES_FROM_HEADER 42
