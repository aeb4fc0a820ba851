#include <ntddk.h>
