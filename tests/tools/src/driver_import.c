/* A driver importing a routine the kernel does not export: it links (imports
 * stay undefined) but the kernel's loader must refuse it, naming the routine. */
extern long NtkToolsTestRoutineNobodyExports(void);

long DriverEntry(void *driver_object, void *registry_path)
{
    (void)driver_object;
    (void)registry_path;
    return NtkToolsTestRoutineNobodyExports();
}
