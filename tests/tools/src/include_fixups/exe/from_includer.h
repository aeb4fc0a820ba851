/* Only in the directory of the .c file: ioctl_public.h, in sys/, finds it
 * through the include stack, as MSVC searches it. */
#define FROM_INCLUDER_VALUE 2
