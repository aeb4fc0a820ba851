/*
 * winerror.h - Win32 error codes (GetLastError values), HRESULT layout and
 * helpers, and the common COM HRESULTs.
 *
 * The ERROR_ codes are written as plain ints.  The SDK writes them with an
 * L suffix, which on Windows makes them 32-bit LONGs; ntk's LONG is int, so
 * an unsuffixed constant has the type the SDK intended.
 */
#ifndef _WINERROR_
#define _WINERROR_

#include <ntk_basetypes.h>

/* ---- HRESULT layout: severity bit 31, NT bit 28, facility 26-16, code 15-0 ---- */

#ifndef SEVERITY_SUCCESS
#define SEVERITY_SUCCESS 0
#endif
#ifndef SEVERITY_ERROR
#define SEVERITY_ERROR 1
#endif

#ifndef FACILITY_NT_BIT
#define FACILITY_NT_BIT 0x10000000
#endif
#ifndef FACILITY_NULL
#define FACILITY_NULL                       0
#endif
#ifndef FACILITY_RPC
#define FACILITY_RPC                        1
#endif
#ifndef FACILITY_DISPATCH
#define FACILITY_DISPATCH                   2
#endif
#ifndef FACILITY_STORAGE
#define FACILITY_STORAGE                    3
#endif
#ifndef FACILITY_ITF
#define FACILITY_ITF                        4
#endif
#ifndef FACILITY_WIN32
#define FACILITY_WIN32                      7
#endif
#ifndef FACILITY_WINDOWS
#define FACILITY_WINDOWS                    8
#endif
#ifndef FACILITY_SSPI
#define FACILITY_SSPI                       9
#endif
#ifndef FACILITY_SECURITY
#define FACILITY_SECURITY                   9
#endif
#ifndef FACILITY_CONTROL
#define FACILITY_CONTROL                    10
#endif
#ifndef FACILITY_CERT
#define FACILITY_CERT                       11
#endif
#ifndef FACILITY_INTERNET
#define FACILITY_INTERNET                   12
#endif
#ifndef FACILITY_MEDIASERVER
#define FACILITY_MEDIASERVER                13
#endif
#ifndef FACILITY_MSMQ
#define FACILITY_MSMQ                       14
#endif
#ifndef FACILITY_SETUPAPI
#define FACILITY_SETUPAPI                   15
#endif
#ifndef FACILITY_SCARD
#define FACILITY_SCARD                      16
#endif
#ifndef FACILITY_COMPLUS
#define FACILITY_COMPLUS                    17
#endif
#ifndef FACILITY_AAF
#define FACILITY_AAF                        18
#endif
#ifndef FACILITY_URT
#define FACILITY_URT                        19
#endif
#ifndef FACILITY_ACS
#define FACILITY_ACS                        20
#endif
#ifndef FACILITY_DPLAY
#define FACILITY_DPLAY                      21
#endif
#ifndef FACILITY_UMI
#define FACILITY_UMI                        22
#endif
#ifndef FACILITY_SXS
#define FACILITY_SXS                        23
#endif
#ifndef FACILITY_WINDOWS_CE
#define FACILITY_WINDOWS_CE                 24
#endif
#ifndef FACILITY_HTTP
#define FACILITY_HTTP                       25
#endif
#ifndef FACILITY_USERMODE_COMMONLOG
#define FACILITY_USERMODE_COMMONLOG         26
#endif
#ifndef FACILITY_WER
#define FACILITY_WER                        27
#endif
#ifndef FACILITY_USERMODE_FILTER_MANAGER
#define FACILITY_USERMODE_FILTER_MANAGER    31
#endif
#ifndef FACILITY_BACKGROUNDCOPY
#define FACILITY_BACKGROUNDCOPY             32
#endif
#ifndef FACILITY_CONFIGURATION
#define FACILITY_CONFIGURATION              33
#endif
#ifndef FACILITY_WIA
#define FACILITY_WIA                        33
#endif
#ifndef FACILITY_STATE_MANAGEMENT
#define FACILITY_STATE_MANAGEMENT           34
#endif
#ifndef FACILITY_METADIRECTORY
#define FACILITY_METADIRECTORY              35
#endif
#ifndef FACILITY_WINDOWSUPDATE
#define FACILITY_WINDOWSUPDATE              36
#endif
#ifndef FACILITY_DIRECTORYSERVICE
#define FACILITY_DIRECTORYSERVICE           37
#endif
#ifndef FACILITY_GRAPHICS
#define FACILITY_GRAPHICS                   38
#endif
#ifndef FACILITY_SHELL
#define FACILITY_SHELL                      39
#endif
#ifndef FACILITY_NAP
#define FACILITY_NAP                        39
#endif
#ifndef FACILITY_TPM_SERVICES
#define FACILITY_TPM_SERVICES               40
#endif
#ifndef FACILITY_TPM_SOFTWARE
#define FACILITY_TPM_SOFTWARE               41
#endif
#ifndef FACILITY_UI
#define FACILITY_UI                         42
#endif
#ifndef FACILITY_XAML
#define FACILITY_XAML                       43
#endif
#ifndef FACILITY_ACTION_QUEUE
#define FACILITY_ACTION_QUEUE               44
#endif
#ifndef FACILITY_PLA
#define FACILITY_PLA                        48
#endif
#ifndef FACILITY_WINDOWS_SETUP
#define FACILITY_WINDOWS_SETUP              48
#endif
#ifndef FACILITY_FVE
#define FACILITY_FVE                        49
#endif
#ifndef FACILITY_FWP
#define FACILITY_FWP                        50
#endif
#ifndef FACILITY_WINRM
#define FACILITY_WINRM                      51
#endif
#ifndef FACILITY_NDIS
#define FACILITY_NDIS                       52
#endif
#ifndef FACILITY_USERMODE_HYPERVISOR
#define FACILITY_USERMODE_HYPERVISOR        53
#endif
#ifndef FACILITY_CMI
#define FACILITY_CMI                        54
#endif
#ifndef FACILITY_USERMODE_VIRTUALIZATION
#define FACILITY_USERMODE_VIRTUALIZATION    55
#endif
#ifndef FACILITY_USERMODE_VOLMGR
#define FACILITY_USERMODE_VOLMGR            56
#endif
#ifndef FACILITY_BCD
#define FACILITY_BCD                        57
#endif
#ifndef FACILITY_USERMODE_VHD
#define FACILITY_USERMODE_VHD               58
#endif
#ifndef FACILITY_USERMODE_HNS
#define FACILITY_USERMODE_HNS               59
#endif
#ifndef FACILITY_SDIAG
#define FACILITY_SDIAG                      60
#endif
#ifndef FACILITY_WEBSERVICES
#define FACILITY_WEBSERVICES                61
#endif
#ifndef FACILITY_WINPE
#define FACILITY_WINPE                      61
#endif
#ifndef FACILITY_WPN
#define FACILITY_WPN                        62
#endif
#ifndef FACILITY_WINDOWS_STORE
#define FACILITY_WINDOWS_STORE              63
#endif
#ifndef FACILITY_INPUT
#define FACILITY_INPUT                      64
#endif
#ifndef FACILITY_QUIC
#define FACILITY_QUIC                       65
#endif
#ifndef FACILITY_EAP
#define FACILITY_EAP                        66
#endif
#ifndef FACILITY_IORING
#define FACILITY_IORING                     70
#endif
#ifndef FACILITY_WINDOWS_DEFENDER
#define FACILITY_WINDOWS_DEFENDER           80
#endif
#ifndef FACILITY_OPC
#define FACILITY_OPC                        81
#endif
#ifndef FACILITY_XPS
#define FACILITY_XPS                        82
#endif
#ifndef FACILITY_MBN
#define FACILITY_MBN                        84
#endif
#ifndef FACILITY_POWERSHELL
#define FACILITY_POWERSHELL                 84
#endif
#ifndef FACILITY_RAS
#define FACILITY_RAS                        83
#endif
#ifndef FACILITY_P2P_INT
#define FACILITY_P2P_INT                    98
#endif
#ifndef FACILITY_P2P
#define FACILITY_P2P                        99
#endif
#ifndef FACILITY_DAF
#define FACILITY_DAF                        100
#endif
#ifndef FACILITY_BLUETOOTH_ATT
#define FACILITY_BLUETOOTH_ATT              101
#endif
#ifndef FACILITY_AUDIO
#define FACILITY_AUDIO                      102
#endif
#ifndef FACILITY_STATEREPOSITORY
#define FACILITY_STATEREPOSITORY            103
#endif
#ifndef FACILITY_VISUALCPP
#define FACILITY_VISUALCPP                  109
#endif
#ifndef FACILITY_SCRIPT
#define FACILITY_SCRIPT                     112
#endif
#ifndef FACILITY_PARSE
#define FACILITY_PARSE                      113
#endif
#ifndef FACILITY_BLB
#define FACILITY_BLB                        120
#endif
#ifndef FACILITY_BLB_CLI
#define FACILITY_BLB_CLI                    121
#endif
#ifndef FACILITY_WSBAPP
#define FACILITY_WSBAPP                     122
#endif
#ifndef FACILITY_BLBUI
#define FACILITY_BLBUI                      128
#endif
#ifndef FACILITY_USN
#define FACILITY_USN                        129
#endif
#ifndef FACILITY_USERMODE_VOLSNAP
#define FACILITY_USERMODE_VOLSNAP           130
#endif
#ifndef FACILITY_TIERING
#define FACILITY_TIERING                    131
#endif
#ifndef FACILITY_WSB_ONLINE
#define FACILITY_WSB_ONLINE                 133
#endif
#ifndef FACILITY_ONLINE_ID
#define FACILITY_ONLINE_ID                  134
#endif
#ifndef FACILITY_DEVICE_UPDATE_AGENT
#define FACILITY_DEVICE_UPDATE_AGENT        135
#endif
#ifndef FACILITY_DRVSERVICING
#define FACILITY_DRVSERVICING               136
#endif
#ifndef FACILITY_DLS
#define FACILITY_DLS                        153
#endif
#ifndef FACILITY_DELIVERY_OPTIMIZATION
#define FACILITY_DELIVERY_OPTIMIZATION      208
#endif
#ifndef FACILITY_USERMODE_SPACES
#define FACILITY_USERMODE_SPACES            231
#endif
#ifndef FACILITY_USER_MODE_SECURITY_CORE
#define FACILITY_USER_MODE_SECURITY_CORE    232
#endif
#ifndef FACILITY_USERMODE_LICENSING
#define FACILITY_USERMODE_LICENSING         234
#endif
#ifndef FACILITY_SOS
#define FACILITY_SOS                        160
#endif
#ifndef FACILITY_OCP_UPDATE_AGENT
#define FACILITY_OCP_UPDATE_AGENT           173
#endif
#ifndef FACILITY_DEBUGGERS
#define FACILITY_DEBUGGERS                  176
#endif
#ifndef FACILITY_SPP
#define FACILITY_SPP                        256
#endif
#ifndef FACILITY_RESTORE
#define FACILITY_RESTORE                    256
#endif
#ifndef FACILITY_DMSERVER
#define FACILITY_DMSERVER                   256
#endif
#ifndef FACILITY_DEPLOYMENT_SERVICES_SERVER
#define FACILITY_DEPLOYMENT_SERVICES_SERVER 257
#endif
#ifndef FACILITY_DEPLOYMENT_SERVICES_IMAGING
#define FACILITY_DEPLOYMENT_SERVICES_IMAGING 258
#endif
#ifndef FACILITY_DEPLOYMENT_SERVICES_MANAGEMENT
#define FACILITY_DEPLOYMENT_SERVICES_MANAGEMENT 259
#endif
#ifndef FACILITY_DEPLOYMENT_SERVICES_UTIL
#define FACILITY_DEPLOYMENT_SERVICES_UTIL   260
#endif
#ifndef FACILITY_DEPLOYMENT_SERVICES_BINLSVC
#define FACILITY_DEPLOYMENT_SERVICES_BINLSVC 261
#endif
#ifndef FACILITY_DEPLOYMENT_SERVICES_PXE
#define FACILITY_DEPLOYMENT_SERVICES_PXE    263
#endif
#ifndef FACILITY_DEPLOYMENT_SERVICES_TFTP
#define FACILITY_DEPLOYMENT_SERVICES_TFTP   264
#endif
#ifndef FACILITY_DEPLOYMENT_SERVICES_TRANSPORT_MANAGEMENT
#define FACILITY_DEPLOYMENT_SERVICES_TRANSPORT_MANAGEMENT 272
#endif
#ifndef FACILITY_DEPLOYMENT_SERVICES_DRIVER_PROVISIONING
#define FACILITY_DEPLOYMENT_SERVICES_DRIVER_PROVISIONING 278
#endif
#ifndef FACILITY_DEPLOYMENT_SERVICES_MULTICAST_SERVER
#define FACILITY_DEPLOYMENT_SERVICES_MULTICAST_SERVER 289
#endif
#ifndef FACILITY_DEPLOYMENT_SERVICES_MULTICAST_CLIENT
#define FACILITY_DEPLOYMENT_SERVICES_MULTICAST_CLIENT 290
#endif
#ifndef FACILITY_DEPLOYMENT_SERVICES_CONTENT_PROVIDER
#define FACILITY_DEPLOYMENT_SERVICES_CONTENT_PROVIDER 293
#endif
#ifndef FACILITY_HSP_SERVICES
#define FACILITY_HSP_SERVICES               296
#endif
#ifndef FACILITY_HSP_SOFTWARE
#define FACILITY_HSP_SOFTWARE               297
#endif
#ifndef FACILITY_LINGUISTIC_SERVICES
#define FACILITY_LINGUISTIC_SERVICES        305
#endif
#ifndef FACILITY_AUDIOSTREAMING
#define FACILITY_AUDIOSTREAMING             1094
#endif
#ifndef FACILITY_TTD
#define FACILITY_TTD                        1490
#endif
#ifndef FACILITY_ACCELERATOR
#define FACILITY_ACCELERATOR                1536
#endif
#ifndef FACILITY_WMAAECMA
#define FACILITY_WMAAECMA                   1996
#endif
#ifndef FACILITY_DIRECTMUSIC
#define FACILITY_DIRECTMUSIC                2168
#endif
#ifndef FACILITY_DIRECT3D10
#define FACILITY_DIRECT3D10                 2169
#endif
#ifndef FACILITY_DXGI
#define FACILITY_DXGI                       2170
#endif
#ifndef FACILITY_DXGI_DDI
#define FACILITY_DXGI_DDI                   2171
#endif
#ifndef FACILITY_DIRECT3D11
#define FACILITY_DIRECT3D11                 2172
#endif
#ifndef FACILITY_DIRECT3D11_DEBUG
#define FACILITY_DIRECT3D11_DEBUG           2173
#endif
#ifndef FACILITY_DIRECT3D12
#define FACILITY_DIRECT3D12                 2174
#endif
#ifndef FACILITY_DIRECT3D12_DEBUG
#define FACILITY_DIRECT3D12_DEBUG           2175
#endif
#ifndef FACILITY_DXCORE
#define FACILITY_DXCORE                     2176
#endif
#ifndef FACILITY_PRESENTATION
#define FACILITY_PRESENTATION               2177
#endif
#ifndef FACILITY_LEAP
#define FACILITY_LEAP                       2184
#endif
#ifndef FACILITY_AUDCLNT
#define FACILITY_AUDCLNT                    2185
#endif
#ifndef FACILITY_WINCODEC_DWRITE_DWM
#define FACILITY_WINCODEC_DWRITE_DWM        2200
#endif
#ifndef FACILITY_WINML
#define FACILITY_WINML                      2192
#endif
#ifndef FACILITY_DIRECT2D
#define FACILITY_DIRECT2D                   2201
#endif
#ifndef FACILITY_DEFRAG
#define FACILITY_DEFRAG                     2304
#endif
#ifndef FACILITY_USERMODE_SDBUS
#define FACILITY_USERMODE_SDBUS             2305
#endif
#ifndef FACILITY_JSCRIPT
#define FACILITY_JSCRIPT                    2306
#endif
#ifndef FACILITY_PIDGENX
#define FACILITY_PIDGENX                    2561
#endif
#ifndef FACILITY_EAS
#define FACILITY_EAS                        85
#endif
#ifndef FACILITY_WEB
#define FACILITY_WEB                        885
#endif
#ifndef FACILITY_WEB_SOCKET
#define FACILITY_WEB_SOCKET                 886
#endif
#ifndef FACILITY_MOBILE
#define FACILITY_MOBILE                     1793
#endif
#ifndef FACILITY_SQLITE
#define FACILITY_SQLITE                     1967
#endif
#ifndef FACILITY_SERVICE_FABRIC
#define FACILITY_SERVICE_FABRIC             1968
#endif
#ifndef FACILITY_UTC
#define FACILITY_UTC                        1989
#endif
#ifndef FACILITY_WEP
#define FACILITY_WEP                        2049
#endif
#ifndef FACILITY_SYNCENGINE
#define FACILITY_SYNCENGINE                 2050
#endif
#ifndef FACILITY_XBOX
#define FACILITY_XBOX                       2339
#endif
#ifndef FACILITY_GAME
#define FACILITY_GAME                       2340
#endif
#ifndef FACILITY_USERMODE_UNIONFS
#define FACILITY_USERMODE_UNIONFS           2341
#endif
#ifndef FACILITY_USERMODE_PRM
#define FACILITY_USERMODE_PRM               2342
#endif
#ifndef FACILITY_USERMODE_WIN_ACCEL
#define FACILITY_USERMODE_WIN_ACCEL         2343
#endif
#ifndef FACILITY_PIX
#define FACILITY_PIX                        2748
#endif

/* The masks are applied to unsigned int, not unsigned long: on LP64 Linux
 * unsigned long is 64 bits and would drag the sign of a negative HRESULT
 * into the upper half. */
#ifndef SUCCEEDED
#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#endif
#ifndef FAILED
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#endif
#ifndef IS_ERROR
#define IS_ERROR(Status) (((unsigned int)(Status)) >> 31 == SEVERITY_ERROR)
#endif
#ifndef HRESULT_CODE
#define HRESULT_CODE(hr) ((hr) & 0xFFFF)
#endif
#ifndef SCODE_CODE
#define SCODE_CODE(sc) ((sc) & 0xFFFF)
#endif
#ifndef HRESULT_FACILITY
#define HRESULT_FACILITY(hr) ((((unsigned int)(hr)) >> 16) & 0x1fff)
#endif
#ifndef SCODE_FACILITY
#define SCODE_FACILITY(sc) ((((unsigned int)(sc)) >> 16) & 0x1fff)
#endif
#ifndef HRESULT_SEVERITY
#define HRESULT_SEVERITY(hr) ((((unsigned int)(hr)) >> 31) & 0x1)
#endif
#ifndef SCODE_SEVERITY
#define SCODE_SEVERITY(sc) ((((unsigned int)(sc)) >> 31) & 0x1)
#endif
#ifndef MAKE_HRESULT
#define MAKE_HRESULT(sev, fac, code) \
    ((HRESULT)(((unsigned int)(sev) << 31) | ((unsigned int)(fac) << 16) | ((unsigned int)(code))))
#endif
#ifndef MAKE_SCODE
#define MAKE_SCODE(sev, fac, code) \
    ((LONG)(((unsigned int)(sev) << 31) | ((unsigned int)(fac) << 16) | ((unsigned int)(code))))
#endif

/* A Win32 error as an HRESULT: 0 (and anything already negative) passes
 * through, else the code goes into facility 7 with the failure bit set.  A
 * macro by default so it can appear in constant expressions; define
 * INLINE_HRESULT_FROM_WIN32 for the SDK's function form, which evaluates
 * its argument once. */
#ifndef __HRESULT_FROM_WIN32
#define __HRESULT_FROM_WIN32(x) \
    ((HRESULT)(x) <= 0 ? ((HRESULT)(x)) \
                       : ((HRESULT)(((unsigned int)(x) & 0x0000FFFF) | (FACILITY_WIN32 << 16) | 0x80000000u)))
#endif
#ifndef HRESULT_FROM_WIN32
#ifdef INLINE_HRESULT_FROM_WIN32
static __inline HRESULT HRESULT_FROM_WIN32(unsigned int x)
{
    return (HRESULT)x <= 0 ? (HRESULT)x : (HRESULT)((x & 0x0000FFFF) | (FACILITY_WIN32 << 16) | 0x80000000u);
}
#else
#define HRESULT_FROM_WIN32(x) __HRESULT_FROM_WIN32(x)
#endif
#endif

/* An NTSTATUS carried in an HRESULT: the value with the NT bit set. */
#ifndef HRESULT_FROM_NT
#define HRESULT_FROM_NT(x) ((HRESULT)((x) | FACILITY_NT_BIT))
#endif

#ifndef _HRESULT_TYPEDEF_
#define _HRESULT_TYPEDEF_(_sc) ((HRESULT)_sc)
#endif

/* ---- Common HRESULTs ---- */

#ifndef S_OK
#define S_OK             ((HRESULT)0L)
#endif
#ifndef S_FALSE
#define S_FALSE          ((HRESULT)1L)
#endif
#ifndef E_UNEXPECTED
#define E_UNEXPECTED     _HRESULT_TYPEDEF_(0x8000FFFFL)
#endif
#ifndef E_NOTIMPL
#define E_NOTIMPL        _HRESULT_TYPEDEF_(0x80004001L)
#endif
#ifndef E_NOINTERFACE
#define E_NOINTERFACE    _HRESULT_TYPEDEF_(0x80004002L)
#endif
#ifndef E_POINTER
#define E_POINTER        _HRESULT_TYPEDEF_(0x80004003L)
#endif
#ifndef E_ABORT
#define E_ABORT          _HRESULT_TYPEDEF_(0x80004004L)
#endif
#ifndef E_FAIL
#define E_FAIL           _HRESULT_TYPEDEF_(0x80004005L)
#endif
#ifndef E_PENDING
#define E_PENDING        _HRESULT_TYPEDEF_(0x8000000AL)
#endif
#ifndef E_BOUNDS
#define E_BOUNDS         _HRESULT_TYPEDEF_(0x8000000BL)
#endif
#ifndef E_ACCESSDENIED
#define E_ACCESSDENIED   _HRESULT_TYPEDEF_(0x80070005L)
#endif
#ifndef E_HANDLE
#define E_HANDLE         _HRESULT_TYPEDEF_(0x80070006L)
#endif
#ifndef E_OUTOFMEMORY
#define E_OUTOFMEMORY    _HRESULT_TYPEDEF_(0x8007000EL)
#endif
#ifndef E_INVALIDARG
#define E_INVALIDARG     _HRESULT_TYPEDEF_(0x80070057L)
#endif

/* ---- Win32 error codes ---- */

#define ERROR_SUCCESS                                           0
#ifndef NO_ERROR
#define NO_ERROR                                                0
#endif
#define ERROR_INVALID_FUNCTION                                  1
#define ERROR_FILE_NOT_FOUND                                    2
#define ERROR_PATH_NOT_FOUND                                    3
#define ERROR_TOO_MANY_OPEN_FILES                               4
#define ERROR_ACCESS_DENIED                                     5
#define ERROR_INVALID_HANDLE                                    6
#define ERROR_ARENA_TRASHED                                     7
#define ERROR_NOT_ENOUGH_MEMORY                                 8
#define ERROR_INVALID_BLOCK                                     9
#define ERROR_BAD_ENVIRONMENT                                   10
#define ERROR_BAD_FORMAT                                        11
#define ERROR_INVALID_ACCESS                                    12
#define ERROR_INVALID_DATA                                      13
#define ERROR_OUTOFMEMORY                                       14
#define ERROR_INVALID_DRIVE                                     15
#define ERROR_CURRENT_DIRECTORY                                 16
#define ERROR_NOT_SAME_DEVICE                                   17
#define ERROR_NO_MORE_FILES                                     18
#define ERROR_WRITE_PROTECT                                     19
#define ERROR_BAD_UNIT                                          20
#define ERROR_NOT_READY                                         21
#define ERROR_BAD_COMMAND                                       22
#define ERROR_CRC                                               23
#define ERROR_BAD_LENGTH                                        24
#define ERROR_SEEK                                              25
#define ERROR_NOT_DOS_DISK                                      26
#define ERROR_SECTOR_NOT_FOUND                                  27
#define ERROR_OUT_OF_PAPER                                      28
#define ERROR_WRITE_FAULT                                       29
#define ERROR_READ_FAULT                                        30
#define ERROR_GEN_FAILURE                                       31
#define ERROR_SHARING_VIOLATION                                 32
#define ERROR_LOCK_VIOLATION                                    33
#define ERROR_WRONG_DISK                                        34
#define ERROR_SHARING_BUFFER_EXCEEDED                           36
#define ERROR_HANDLE_EOF                                        38
#define ERROR_HANDLE_DISK_FULL                                  39
#define ERROR_NOT_SUPPORTED                                     50
#define ERROR_REM_NOT_LIST                                      51
#define ERROR_DUP_NAME                                          52
#define ERROR_BAD_NETPATH                                       53
#define ERROR_NETWORK_BUSY                                      54
#define ERROR_DEV_NOT_EXIST                                     55
#define ERROR_TOO_MANY_CMDS                                     56
#define ERROR_ADAP_HDW_ERR                                      57
#define ERROR_BAD_NET_RESP                                      58
#define ERROR_UNEXP_NET_ERR                                     59
#define ERROR_BAD_REM_ADAP                                      60
#define ERROR_PRINTQ_FULL                                       61
#define ERROR_NO_SPOOL_SPACE                                    62
#define ERROR_PRINT_CANCELLED                                   63
#define ERROR_NETNAME_DELETED                                   64
#define ERROR_NETWORK_ACCESS_DENIED                             65
#define ERROR_BAD_DEV_TYPE                                      66
#define ERROR_BAD_NET_NAME                                      67
#define ERROR_TOO_MANY_NAMES                                    68
#define ERROR_TOO_MANY_SESS                                     69
#define ERROR_SHARING_PAUSED                                    70
#define ERROR_REQ_NOT_ACCEP                                     71
#define ERROR_REDIR_PAUSED                                      72
#define ERROR_FILE_EXISTS                                       80
#define ERROR_CANNOT_MAKE                                       82
#define ERROR_FAIL_I24                                          83
#define ERROR_OUT_OF_STRUCTURES                                 84
#define ERROR_ALREADY_ASSIGNED                                  85
#define ERROR_INVALID_PASSWORD                                  86
#define ERROR_INVALID_PARAMETER                                 87
#define ERROR_NET_WRITE_FAULT                                   88
#define ERROR_NO_PROC_SLOTS                                     89
#define ERROR_TOO_MANY_SEMAPHORES                               100
#define ERROR_EXCL_SEM_ALREADY_OWNED                            101
#define ERROR_SEM_IS_SET                                        102
#define ERROR_TOO_MANY_SEM_REQUESTS                             103
#define ERROR_INVALID_AT_INTERRUPT_TIME                         104
#define ERROR_SEM_OWNER_DIED                                    105
#define ERROR_SEM_USER_LIMIT                                    106
#define ERROR_DISK_CHANGE                                       107
#define ERROR_DRIVE_LOCKED                                      108
#define ERROR_BROKEN_PIPE                                       109
#define ERROR_OPEN_FAILED                                       110
#define ERROR_BUFFER_OVERFLOW                                   111
#define ERROR_DISK_FULL                                         112
#define ERROR_NO_MORE_SEARCH_HANDLES                            113
#define ERROR_INVALID_TARGET_HANDLE                             114
#define ERROR_INVALID_CATEGORY                                  117
#define ERROR_INVALID_VERIFY_SWITCH                             118
#define ERROR_BAD_DRIVER_LEVEL                                  119
#define ERROR_CALL_NOT_IMPLEMENTED                              120
#define ERROR_SEM_TIMEOUT                                       121
#define ERROR_INSUFFICIENT_BUFFER                               122
#define ERROR_INVALID_NAME                                      123
#define ERROR_INVALID_LEVEL                                     124
#define ERROR_NO_VOLUME_LABEL                                   125
#define ERROR_MOD_NOT_FOUND                                     126
#define ERROR_PROC_NOT_FOUND                                    127
#define ERROR_WAIT_NO_CHILDREN                                  128
#define ERROR_CHILD_NOT_COMPLETE                                129
#define ERROR_DIRECT_ACCESS_HANDLE                              130
#define ERROR_NEGATIVE_SEEK                                     131
#define ERROR_SEEK_ON_DEVICE                                    132
#define ERROR_IS_JOIN_TARGET                                    133
#define ERROR_IS_JOINED                                         134
#define ERROR_IS_SUBSTED                                        135
#define ERROR_NOT_JOINED                                        136
#define ERROR_NOT_SUBSTED                                       137
#define ERROR_JOIN_TO_JOIN                                      138
#define ERROR_SUBST_TO_SUBST                                    139
#define ERROR_JOIN_TO_SUBST                                     140
#define ERROR_SUBST_TO_JOIN                                     141
#define ERROR_BUSY_DRIVE                                        142
#define ERROR_SAME_DRIVE                                        143
#define ERROR_DIR_NOT_ROOT                                      144
#define ERROR_DIR_NOT_EMPTY                                     145
#define ERROR_IS_SUBST_PATH                                     146
#define ERROR_IS_JOIN_PATH                                      147
#define ERROR_PATH_BUSY                                         148
#define ERROR_IS_SUBST_TARGET                                   149
#define ERROR_SYSTEM_TRACE                                      150
#define ERROR_INVALID_EVENT_COUNT                               151
#define ERROR_TOO_MANY_MUXWAITERS                               152
#define ERROR_INVALID_LIST_FORMAT                               153
#define ERROR_LABEL_TOO_LONG                                    154
#define ERROR_TOO_MANY_TCBS                                     155
#define ERROR_SIGNAL_REFUSED                                    156
#define ERROR_DISCARDED                                         157
#define ERROR_NOT_LOCKED                                        158
#define ERROR_BAD_THREADID_ADDR                                 159
#define ERROR_BAD_ARGUMENTS                                     160
#define ERROR_BAD_PATHNAME                                      161
#define ERROR_SIGNAL_PENDING                                    162
#define ERROR_MAX_THRDS_REACHED                                 164
#define ERROR_LOCK_FAILED                                       167
#define ERROR_BUSY                                              170
#define ERROR_DEVICE_SUPPORT_IN_PROGRESS                        171
#define ERROR_CANCEL_VIOLATION                                  173
#define ERROR_ATOMIC_LOCKS_NOT_SUPPORTED                        174
#define ERROR_INVALID_SEGMENT_NUMBER                            180
#define ERROR_INVALID_ORDINAL                                   182
#define ERROR_ALREADY_EXISTS                                    183
#define ERROR_INVALID_FLAG_NUMBER                               186
#define ERROR_SEM_NOT_FOUND                                     187
#define ERROR_INVALID_STARTING_CODESEG                          188
#define ERROR_INVALID_STACKSEG                                  189
#define ERROR_INVALID_MODULETYPE                                190
#define ERROR_INVALID_EXE_SIGNATURE                             191
#define ERROR_EXE_MARKED_INVALID                                192
#define ERROR_BAD_EXE_FORMAT                                    193
#define ERROR_INVALID_MINALLOCSIZE                              195
#define ERROR_DYNLINK_FROM_INVALID_RING                         196
#define ERROR_IOPL_NOT_ENABLED                                  197
#define ERROR_INVALID_SEGDPL                                    198
#define ERROR_RING2SEG_MUST_BE_MOVABLE                          200
#define ERROR_RELOC_CHAIN_XEEDS_SEGLIM                          201
#define ERROR_INFLOOP_IN_RELOC_CHAIN                            202
#define ERROR_ENVVAR_NOT_FOUND                                  203
#define ERROR_NO_SIGNAL_SENT                                    205
#define ERROR_FILENAME_EXCED_RANGE                              206
#define ERROR_RING2_STACK_IN_USE                                207
#define ERROR_META_EXPANSION_TOO_LONG                           208
#define ERROR_INVALID_SIGNAL_NUMBER                             209
#define ERROR_THREAD_1_INACTIVE                                 210
#define ERROR_LOCKED                                            212
#define ERROR_TOO_MANY_MODULES                                  214
#define ERROR_NESTING_NOT_ALLOWED                               215
#define ERROR_EXE_MACHINE_TYPE_MISMATCH                         216
#define ERROR_EXE_CANNOT_MODIFY_SIGNED_BINARY                   217
#define ERROR_EXE_CANNOT_MODIFY_STRONG_SIGNED_BINARY            218
#define ERROR_FILE_CHECKED_OUT                                  220
#define ERROR_CHECKOUT_REQUIRED                                 221
#define ERROR_BAD_FILE_TYPE                                     222
#define ERROR_FILE_TOO_LARGE                                    223
#define ERROR_FORMS_AUTH_REQUIRED                               224
#define ERROR_VIRUS_INFECTED                                    225
#define ERROR_VIRUS_DELETED                                     226
#define ERROR_PIPE_LOCAL                                        229
#define ERROR_BAD_PIPE                                          230
#define ERROR_PIPE_BUSY                                         231
#define ERROR_NO_DATA                                           232
#define ERROR_PIPE_NOT_CONNECTED                                233
#define ERROR_MORE_DATA                                         234
#define ERROR_NO_WORK_DONE                                      235
#define ERROR_VC_DISCONNECTED                                   240
#define ERROR_INVALID_EA_NAME                                   254
#define ERROR_EA_LIST_INCONSISTENT                              255
/* The wait functions return this one directly; it shares the number
 * space of the errors though it has no ERROR_ prefix. */
#ifndef WAIT_TIMEOUT
#define WAIT_TIMEOUT                                            258
#endif
#define ERROR_NO_MORE_ITEMS                                     259
#define ERROR_CANNOT_COPY                                       266
#define ERROR_DIRECTORY                                         267
#define ERROR_EAS_DIDNT_FIT                                     275
#define ERROR_EA_FILE_CORRUPT                                   276
#define ERROR_EA_TABLE_FULL                                     277
#define ERROR_INVALID_EA_HANDLE                                 278
#define ERROR_EAS_NOT_SUPPORTED                                 282
#define ERROR_NOT_OWNER                                         288
#define ERROR_TOO_MANY_POSTS                                    298
#define ERROR_PARTIAL_COPY                                      299
#define ERROR_OPLOCK_NOT_GRANTED                                300
#define ERROR_INVALID_OPLOCK_PROTOCOL                           301
#define ERROR_DISK_TOO_FRAGMENTED                               302
#define ERROR_DELETE_PENDING                                    303
#define ERROR_INCOMPATIBLE_WITH_GLOBAL_SHORT_NAME_REGISTRY_SETTING 304
#define ERROR_SHORT_NAMES_NOT_ENABLED_ON_VOLUME                 305
#define ERROR_SECURITY_STREAM_IS_INCONSISTENT                   306
#define ERROR_INVALID_LOCK_RANGE                                307
#define ERROR_IMAGE_SUBSYSTEM_NOT_PRESENT                       308
#define ERROR_NOTIFICATION_GUID_ALREADY_DEFINED                 309
#define ERROR_INVALID_EXCEPTION_HANDLER                         310
#define ERROR_DUPLICATE_PRIVILEGES                              311
#define ERROR_NO_RANGES_PROCESSED                               312
#define ERROR_NOT_ALLOWED_ON_SYSTEM_FILE                        313
#define ERROR_DISK_RESOURCES_EXHAUSTED                          314
#define ERROR_INVALID_TOKEN                                     315
#define ERROR_DEVICE_FEATURE_NOT_SUPPORTED                      316
#define ERROR_MR_MID_NOT_FOUND                                  317
#define ERROR_SCOPE_NOT_FOUND                                   318
#define ERROR_UNDEFINED_SCOPE                                   319
#define ERROR_INVALID_CAP                                       320
#define ERROR_DEVICE_UNREACHABLE                                321
#define ERROR_DEVICE_NO_RESOURCES                               322
#define ERROR_DATA_CHECKSUM_ERROR                               323
#define ERROR_INTERMIXED_KERNEL_EA_OPERATION                    324
#define ERROR_FILE_LEVEL_TRIM_NOT_SUPPORTED                     326
#define ERROR_OFFSET_ALIGNMENT_VIOLATION                        327
#define ERROR_INVALID_FIELD_IN_PARAMETER_LIST                   328
#define ERROR_OPERATION_IN_PROGRESS                             329
#define ERROR_BAD_DEVICE_PATH                                   330
#define ERROR_TOO_MANY_DESCRIPTORS                              331
#define ERROR_SCRUB_DATA_DISABLED                               332
#define ERROR_NOT_REDUNDANT_STORAGE                             333
#define ERROR_RESIDENT_FILE_NOT_SUPPORTED                       334
#define ERROR_COMPRESSED_FILE_NOT_SUPPORTED                     335
#define ERROR_DIRECTORY_NOT_SUPPORTED                           336
#define ERROR_NOT_READ_FROM_COPY                                337
#define ERROR_FT_WRITE_FAILURE                                  338
#define ERROR_FT_DI_SCAN_REQUIRED                               339
#define ERROR_INVALID_KERNEL_INFO_VERSION                       340
#define ERROR_INVALID_PEP_INFO_VERSION                          341
#define ERROR_OBJECT_NOT_EXTERNALLY_BACKED                      342
#define ERROR_EXTERNAL_BACKING_PROVIDER_UNKNOWN                 343
#define ERROR_COMPRESSION_NOT_BENEFICIAL                        344
#define ERROR_STORAGE_TOPOLOGY_ID_MISMATCH                      345
#define ERROR_BLOCKED_BY_PARENTAL_CONTROLS                      346
#define ERROR_BLOCK_TOO_MANY_REFERENCES                         347
#define ERROR_MARKED_TO_DISALLOW_WRITES                         348
#define ERROR_ENCLAVE_FAILURE                                   349
#define ERROR_FAIL_NOACTION_REBOOT                              350
#define ERROR_FAIL_SHUTDOWN                                     351
#define ERROR_FAIL_RESTART                                      352
#define ERROR_MAX_SESSIONS_REACHED                              353
#define ERROR_NETWORK_ACCESS_DENIED_EDP                         354
#define ERROR_DEVICE_HINT_NAME_BUFFER_TOO_SMALL                 355
#define ERROR_EDP_POLICY_DENIES_OPERATION                       356
#define ERROR_EDP_DPL_POLICY_CANT_BE_SATISFIED                  357
#define ERROR_CLOUD_FILE_SYNC_ROOT_METADATA_CORRUPT             358
#define ERROR_DEVICE_IN_MAINTENANCE                             359
#define ERROR_NOT_SUPPORTED_ON_DAX                              360
#define ERROR_DAX_MAPPING_EXISTS                                361
#define ERROR_CLOUD_FILE_PROVIDER_NOT_RUNNING                   362
#define ERROR_CLOUD_FILE_METADATA_CORRUPT                       363
#define ERROR_CLOUD_FILE_METADATA_TOO_LARGE                     364
#define ERROR_CLOUD_FILE_PROPERTY_BLOB_TOO_LARGE                365
#define ERROR_CLOUD_FILE_PROPERTY_BLOB_CHECKSUM_MISMATCH        366
#define ERROR_CHILD_PROCESS_BLOCKED                             367
#define ERROR_STORAGE_LOST_DATA_PERSISTENCE                     368
#define ERROR_FILE_SYSTEM_VIRTUALIZATION_UNAVAILABLE            369
#define ERROR_FILE_SYSTEM_VIRTUALIZATION_METADATA_CORRUPT       370
#define ERROR_FILE_SYSTEM_VIRTUALIZATION_BUSY                   371
#define ERROR_FILE_SYSTEM_VIRTUALIZATION_PROVIDER_UNKNOWN       372
#define ERROR_GDI_HANDLE_LEAK                                   373
#define ERROR_CLOUD_FILE_TOO_MANY_PROPERTY_BLOBS                374
#define ERROR_CLOUD_FILE_PROPERTY_VERSION_NOT_SUPPORTED         375
#define ERROR_NOT_A_CLOUD_FILE                                  376
#define ERROR_CLOUD_FILE_NOT_IN_SYNC                            377
#define ERROR_CLOUD_FILE_ALREADY_CONNECTED                      378
#define ERROR_CLOUD_FILE_NOT_SUPPORTED                          379
#define ERROR_CLOUD_FILE_INVALID_REQUEST                        380
#define ERROR_CLOUD_FILE_READ_ONLY_VOLUME                       381
#define ERROR_CLOUD_FILE_CONNECTED_PROVIDER_ONLY                382
#define ERROR_CLOUD_FILE_VALIDATION_FAILED                      383
#define ERROR_SMB1_NOT_AVAILABLE                                384
#define ERROR_FILE_SYSTEM_VIRTUALIZATION_INVALID_OPERATION      385
#define ERROR_CLOUD_FILE_AUTHENTICATION_FAILED                  386
#define ERROR_CLOUD_FILE_INSUFFICIENT_RESOURCES                 387
#define ERROR_CLOUD_FILE_NETWORK_UNAVAILABLE                    388
#define ERROR_CLOUD_FILE_UNSUCCESSFUL                           389
#define ERROR_CLOUD_FILE_NOT_UNDER_SYNC_ROOT                    390
#define ERROR_CLOUD_FILE_IN_USE                                 391
#define ERROR_CLOUD_FILE_PINNED                                 392
#define ERROR_CLOUD_FILE_REQUEST_ABORTED                        393
#define ERROR_CLOUD_FILE_PROPERTY_CORRUPT                       394
#define ERROR_CLOUD_FILE_ACCESS_DENIED                          395
#define ERROR_CLOUD_FILE_INCOMPATIBLE_HARDLINKS                 396
#define ERROR_CLOUD_FILE_PROPERTY_LOCK_CONFLICT                 397
#define ERROR_CLOUD_FILE_REQUEST_CANCELED                       398
#define ERROR_EXTERNAL_SYSKEY_NOT_SUPPORTED                     399
#define ERROR_THREAD_MODE_ALREADY_BACKGROUND                    400
#define ERROR_THREAD_MODE_NOT_BACKGROUND                        401
#define ERROR_PROCESS_MODE_ALREADY_BACKGROUND                   402
#define ERROR_PROCESS_MODE_NOT_BACKGROUND                       403
#define ERROR_CLOUD_FILE_PROVIDER_TERMINATED                    404
#define ERROR_NOT_A_CLOUD_SYNC_ROOT                             405
#define ERROR_FILE_PROTECTED_UNDER_DPL                          406
#define ERROR_VOLUME_NOT_CLUSTER_ALIGNED                        407
#define ERROR_NO_PHYSICALLY_ALIGNED_FREE_SPACE_FOUND            408
#define ERROR_APPX_FILE_NOT_ENCRYPTED                           409
#define ERROR_RWRAW_ENCRYPTED_FILE_NOT_ENCRYPTED                410
#define ERROR_RWRAW_ENCRYPTED_INVALID_EDATAINFO_FILEOFFSET      411
#define ERROR_RWRAW_ENCRYPTED_INVALID_EDATAINFO_FILERANGE       412
#define ERROR_RWRAW_ENCRYPTED_INVALID_EDATAINFO_PARAMETER       413
#define ERROR_LINUX_SUBSYSTEM_NOT_PRESENT                       414
#define ERROR_FT_READ_FAILURE                                   415
#define ERROR_STORAGE_RESERVE_ID_INVALID                        416
#define ERROR_STORAGE_RESERVE_DOES_NOT_EXIST                    417
#define ERROR_STORAGE_RESERVE_ALREADY_EXISTS                    418
#define ERROR_STORAGE_RESERVE_NOT_EMPTY                         419
#define ERROR_NOT_A_DAX_VOLUME                                  420
#define ERROR_NOT_DAX_MAPPABLE                                  421
#define ERROR_TIME_SENSITIVE_THREAD                             422
#define ERROR_DPL_NOT_SUPPORTED_FOR_USER                        423
#define ERROR_CASE_DIFFERING_NAMES_IN_DIR                       424
#define ERROR_FILE_NOT_SUPPORTED                                425
#define ERROR_CLOUD_FILE_REQUEST_TIMEOUT                        426
#define ERROR_NO_TASK_QUEUE                                     427
#define ERROR_SRC_SRV_DLL_LOAD_FAILED                           428
#define ERROR_NOT_SUPPORTED_WITH_BTT                            429
#define ERROR_ENCRYPTION_DISABLED                               430
#define ERROR_ENCRYPTING_METADATA_DISALLOWED                    431
#define ERROR_CANT_CLEAR_ENCRYPTION_FLAG                        432
#define ERROR_NO_SUCH_DEVICE                                    433
#define ERROR_CLOUD_FILE_DEHYDRATION_DISALLOWED                 434
#define ERROR_FILE_SNAP_IN_PROGRESS                             435
#define ERROR_FILE_SNAP_USER_SECTION_NOT_SUPPORTED              436
#define ERROR_FILE_SNAP_MODIFY_NOT_SUPPORTED                    437
#define ERROR_FILE_SNAP_IO_NOT_COORDINATED                      438
#define ERROR_FILE_SNAP_UNEXPECTED_ERROR                        439
#define ERROR_FILE_SNAP_INVALID_PARAMETER                       440
#define ERROR_UNSATISFIED_DEPENDENCIES                          441
#define ERROR_CASE_SENSITIVE_PATH                               442
#define ERROR_UNEXPECTED_NTCACHEMANAGER_ERROR                   443
#define ERROR_LINUX_SUBSYSTEM_UPDATE_REQUIRED                   444
#define ERROR_DLP_POLICY_WARNS_AGAINST_OPERATION                445
#define ERROR_DLP_POLICY_DENIES_OPERATION                       446
#define ERROR_SECURITY_DENIES_OPERATION                         447
#define ERROR_UNTRUSTED_MOUNT_POINT                             448
#define ERROR_DLP_POLICY_SILENTLY_FAIL                          449
#define ERROR_CAPAUTHZ_NOT_DEVUNLOCKED                          450
#define ERROR_CAPAUTHZ_CHANGE_TYPE                              451
#define ERROR_CAPAUTHZ_NOT_PROVISIONED                          452
#define ERROR_CAPAUTHZ_NOT_AUTHORIZED                           453
#define ERROR_CAPAUTHZ_NO_POLICY                                454
#define ERROR_CAPAUTHZ_DB_CORRUPTED                             455
#define ERROR_CAPAUTHZ_SCCD_INVALID_CATALOG                     456
#define ERROR_CAPAUTHZ_SCCD_NO_AUTH_ENTITY                      457
#define ERROR_CAPAUTHZ_SCCD_PARSE_ERROR                         458
#define ERROR_CAPAUTHZ_SCCD_DEV_MODE_REQUIRED                   459
#define ERROR_CAPAUTHZ_SCCD_NO_CAPABILITY_MATCH                 460
#define ERROR_CIMFS_IMAGE_CORRUPT                               470
#define ERROR_CIMFS_IMAGE_VERSION_NOT_SUPPORTED                 471
#define ERROR_STORAGE_STACK_ACCESS_DENIED                       472
#define ERROR_INSUFFICIENT_VIRTUAL_ADDR_RESOURCES               473
#define ERROR_INDEX_OUT_OF_BOUNDS                               474
#define ERROR_CLOUD_FILE_US_MESSAGE_TIMEOUT                     475
#define ERROR_NOT_A_DEV_VOLUME                                  476
#define ERROR_FS_GUID_MISMATCH                                  477
#define ERROR_CANT_ATTACH_TO_DEV_VOLUME                         478
#define ERROR_MEMORY_DECOMPRESSION_FAILURE                      479
#define ERROR_PNP_QUERY_REMOVE_DEVICE_TIMEOUT                   480
#define ERROR_PNP_QUERY_REMOVE_RELATED_DEVICE_TIMEOUT           481
#define ERROR_PNP_QUERY_REMOVE_UNRELATED_DEVICE_TIMEOUT         482
#define ERROR_DEVICE_HARDWARE_ERROR                             483
#define ERROR_INVALID_ADDRESS                                   487
#define ERROR_HAS_SYSTEM_CRITICAL_FILES                         488
#define ERROR_ENCRYPTED_FILE_NOT_SUPPORTED                      489
#define ERROR_SPARSE_FILE_NOT_SUPPORTED                         490
#define ERROR_PAGEFILE_NOT_SUPPORTED                            491
#define ERROR_VOLUME_NOT_SUPPORTED                              492
#define ERROR_NOT_SUPPORTED_WITH_BYPASSIO                       493
#define ERROR_NO_BYPASSIO_DRIVER_SUPPORT                        494
#define ERROR_NOT_SUPPORTED_WITH_ENCRYPTION                     495
#define ERROR_NOT_SUPPORTED_WITH_COMPRESSION                    496
#define ERROR_NOT_SUPPORTED_WITH_REPLICATION                    497
#define ERROR_NOT_SUPPORTED_WITH_DEDUPLICATION                  498
#define ERROR_NOT_SUPPORTED_WITH_AUDITING                       499
#define ERROR_USER_PROFILE_LOAD                                 500
#define ERROR_SESSION_KEY_TOO_SHORT                             501
#define ERROR_ACCESS_DENIED_APPDATA                             502
#define ERROR_NOT_SUPPORTED_WITH_MONITORING                     503
#define ERROR_NOT_SUPPORTED_WITH_SNAPSHOT                       504
#define ERROR_NOT_SUPPORTED_WITH_VIRTUALIZATION                 505
#define ERROR_BYPASSIO_FLT_NOT_SUPPORTED                        506
#define ERROR_DEVICE_RESET_REQUIRED                             507
#define ERROR_VOLUME_WRITE_ACCESS_DENIED                        508
#define ERROR_NOT_SUPPORTED_WITH_CACHED_HANDLE                  509
#define ERROR_FS_METADATA_INCONSISTENT                          510
#define ERROR_BLOCK_WEAK_REFERENCE_INVALID                      511
#define ERROR_BLOCK_SOURCE_WEAK_REFERENCE_INVALID               512
#define ERROR_BLOCK_TARGET_WEAK_REFERENCE_INVALID               513
#define ERROR_BLOCK_SHARED                                      514
#define ERROR_VOLUME_UPGRADE_NOT_NEEDED                         515
#define ERROR_VOLUME_UPGRADE_PENDING                            516
#define ERROR_VOLUME_UPGRADE_DISABLED                           517
#define ERROR_VOLUME_UPGRADE_DISABLED_TILL_OS_DOWNGRADE_EXPIRED 518
#define ERROR_INVALID_CONFIG_VALUE                              519
#define ERROR_MEMORY_DECOMPRESSION_HW_ERROR                     520
#define ERROR_VOLUME_ROLLBACK_DETECTED                          521
#define ERROR_ARITHMETIC_OVERFLOW                               534
#define ERROR_PIPE_CONNECTED                                    535
#define ERROR_PIPE_LISTENING                                    536
#define ERROR_VERIFIER_STOP                                     537
#define ERROR_ABIOS_ERROR                                       538
#define ERROR_WX86_WARNING                                      539
#define ERROR_WX86_ERROR                                        540
#define ERROR_TIMER_NOT_CANCELED                                541
#define ERROR_UNWIND                                            542
#define ERROR_BAD_STACK                                         543
#define ERROR_INVALID_UNWIND_TARGET                             544
#define ERROR_INVALID_PORT_ATTRIBUTES                           545
#define ERROR_PORT_MESSAGE_TOO_LONG                             546
#define ERROR_INVALID_QUOTA_LOWER                               547
#define ERROR_DEVICE_ALREADY_ATTACHED                           548
#define ERROR_INSTRUCTION_MISALIGNMENT                          549
#define ERROR_PROFILING_NOT_STARTED                             550
#define ERROR_PROFILING_NOT_STOPPED                             551
#define ERROR_COULD_NOT_INTERPRET                               552
#define ERROR_PROFILING_AT_LIMIT                                553
#define ERROR_CANT_WAIT                                         554
#define ERROR_CANT_TERMINATE_SELF                               555
#define ERROR_UNEXPECTED_MM_CREATE_ERR                          556
#define ERROR_UNEXPECTED_MM_MAP_ERROR                           557
#define ERROR_UNEXPECTED_MM_EXTEND_ERR                          558
#define ERROR_BAD_FUNCTION_TABLE                                559
#define ERROR_NO_GUID_TRANSLATION                               560
#define ERROR_INVALID_LDT_SIZE                                  561
#define ERROR_INVALID_LDT_OFFSET                                563
#define ERROR_INVALID_LDT_DESCRIPTOR                            564
#define ERROR_TOO_MANY_THREADS                                  565
#define ERROR_THREAD_NOT_IN_PROCESS                             566
#define ERROR_PAGEFILE_QUOTA_EXCEEDED                           567
#define ERROR_LOGON_SERVER_CONFLICT                             568
#define ERROR_SYNCHRONIZATION_REQUIRED                          569
#define ERROR_NET_OPEN_FAILED                                   570
#define ERROR_IO_PRIVILEGE_FAILED                               571
#define ERROR_CONTROL_C_EXIT                                    572
#define ERROR_MISSING_SYSTEMFILE                                573
#define ERROR_UNHANDLED_EXCEPTION                               574
#define ERROR_APP_INIT_FAILURE                                  575
#define ERROR_PAGEFILE_CREATE_FAILED                            576
#define ERROR_INVALID_IMAGE_HASH                                577
#define ERROR_NO_PAGEFILE                                       578
#define ERROR_ILLEGAL_FLOAT_CONTEXT                             579
#define ERROR_NO_EVENT_PAIR                                     580
#define ERROR_DOMAIN_CTRLR_CONFIG_ERROR                         581
#define ERROR_ILLEGAL_CHARACTER                                 582
#define ERROR_UNDEFINED_CHARACTER                               583
#define ERROR_FLOPPY_VOLUME                                     584
#define ERROR_BIOS_FAILED_TO_CONNECT_INTERRUPT                  585
#define ERROR_BACKUP_CONTROLLER                                 586
#define ERROR_MUTANT_LIMIT_EXCEEDED                             587
#define ERROR_FS_DRIVER_REQUIRED                                588
#define ERROR_CANNOT_LOAD_REGISTRY_FILE                         589
#define ERROR_DEBUG_ATTACH_FAILED                               590
#define ERROR_SYSTEM_PROCESS_TERMINATED                         591
#define ERROR_DATA_NOT_ACCEPTED                                 592
#define ERROR_VDM_HARD_ERROR                                    593
#define ERROR_DRIVER_CANCEL_TIMEOUT                             594
#define ERROR_REPLY_MESSAGE_MISMATCH                            595
#define ERROR_LOST_WRITEBEHIND_DATA                             596
#define ERROR_CLIENT_SERVER_PARAMETERS_INVALID                  597
#define ERROR_NOT_TINY_STREAM                                   598
#define ERROR_STACK_OVERFLOW_READ                               599
#define ERROR_CONVERT_TO_LARGE                                  600
#define ERROR_FOUND_OUT_OF_SCOPE                                601
#define ERROR_ALLOCATE_BUCKET                                   602
#define ERROR_MARSHALL_OVERFLOW                                 603
#define ERROR_INVALID_VARIANT                                   604
#define ERROR_BAD_COMPRESSION_BUFFER                            605
#define ERROR_AUDIT_FAILED                                      606
#define ERROR_TIMER_RESOLUTION_NOT_SET                          607
#define ERROR_INSUFFICIENT_LOGON_INFO                           608
#define ERROR_BAD_DLL_ENTRYPOINT                                609
#define ERROR_BAD_SERVICE_ENTRYPOINT                            610
#define ERROR_IP_ADDRESS_CONFLICT1                              611
#define ERROR_IP_ADDRESS_CONFLICT2                              612
#define ERROR_REGISTRY_QUOTA_LIMIT                              613
#define ERROR_NO_CALLBACK_ACTIVE                                614
#define ERROR_PWD_TOO_SHORT                                     615
#define ERROR_PWD_TOO_RECENT                                    616
#define ERROR_PWD_HISTORY_CONFLICT                              617
#define ERROR_UNSUPPORTED_COMPRESSION                           618
#define ERROR_INVALID_HW_PROFILE                                619
#define ERROR_INVALID_PLUGPLAY_DEVICE_PATH                      620
#define ERROR_QUOTA_LIST_INCONSISTENT                           621
#define ERROR_EVALUATION_EXPIRATION                             622
#define ERROR_ILLEGAL_DLL_RELOCATION                            623
#define ERROR_DLL_INIT_FAILED_LOGOFF                            624
#define ERROR_VALIDATE_CONTINUE                                 625
#define ERROR_NO_MORE_MATCHES                                   626
#define ERROR_RANGE_LIST_CONFLICT                               627
#define ERROR_SERVER_SID_MISMATCH                               628
#define ERROR_CANT_ENABLE_DENY_ONLY                             629
#define ERROR_FLOAT_MULTIPLE_FAULTS                             630
#define ERROR_FLOAT_MULTIPLE_TRAPS                              631
#define ERROR_NOINTERFACE                                       632
#define ERROR_DRIVER_FAILED_SLEEP                               633
#define ERROR_CORRUPT_SYSTEM_FILE                               634
#define ERROR_COMMITMENT_MINIMUM                                635
#define ERROR_PNP_RESTART_ENUMERATION                           636
#define ERROR_SYSTEM_IMAGE_BAD_SIGNATURE                        637
#define ERROR_PNP_REBOOT_REQUIRED                               638
#define ERROR_INSUFFICIENT_POWER                                639
#define ERROR_MULTIPLE_FAULT_VIOLATION                          640
#define ERROR_SYSTEM_SHUTDOWN                                   641
#define ERROR_PORT_NOT_SET                                      642
#define ERROR_DS_VERSION_CHECK_FAILURE                          643
#define ERROR_RANGE_NOT_FOUND                                   644
#define ERROR_NOT_SAFE_MODE_DRIVER                              646
#define ERROR_FAILED_DRIVER_ENTRY                               647
#define ERROR_DEVICE_ENUMERATION_ERROR                          648
#define ERROR_MOUNT_POINT_NOT_RESOLVED                          649
#define ERROR_INVALID_DEVICE_OBJECT_PARAMETER                   650
#define ERROR_MCA_OCCURED                                       651
#define ERROR_DRIVER_DATABASE_ERROR                             652
#define ERROR_SYSTEM_HIVE_TOO_LARGE                             653
#define ERROR_DRIVER_FAILED_PRIOR_UNLOAD                        654
#define ERROR_VOLSNAP_PREPARE_HIBERNATE                         655
#define ERROR_HIBERNATION_FAILURE                               656
#define ERROR_PWD_TOO_LONG                                      657
#define ERROR_FILE_SYSTEM_LIMITATION                            665
#define ERROR_ASSERTION_FAILURE                                 668
#define ERROR_ACPI_ERROR                                        669
#define ERROR_WOW_ASSERTION                                     670
#define ERROR_PNP_BAD_MPS_TABLE                                 671
#define ERROR_PNP_TRANSLATION_FAILED                            672
#define ERROR_PNP_IRQ_TRANSLATION_FAILED                        673
#define ERROR_PNP_INVALID_ID                                    674
#define ERROR_WAKE_SYSTEM_DEBUGGER                              675
#define ERROR_HANDLES_CLOSED                                    676
#define ERROR_EXTRANEOUS_INFORMATION                            677
#define ERROR_RXACT_COMMIT_NECESSARY                            678
#define ERROR_MEDIA_CHECK                                       679
#define ERROR_GUID_SUBSTITUTION_MADE                            680
#define ERROR_STOPPED_ON_SYMLINK                                681
#define ERROR_LONGJUMP                                          682
#define ERROR_PLUGPLAY_QUERY_VETOED                             683
#define ERROR_UNWIND_CONSOLIDATE                                684
#define ERROR_REGISTRY_HIVE_RECOVERED                           685
#define ERROR_DLL_MIGHT_BE_INSECURE                             686
#define ERROR_DLL_MIGHT_BE_INCOMPATIBLE                         687
#define ERROR_DBG_EXCEPTION_NOT_HANDLED                         688
#define ERROR_DBG_REPLY_LATER                                   689
#define ERROR_DBG_UNABLE_TO_PROVIDE_HANDLE                      690
#define ERROR_DBG_TERMINATE_THREAD                              691
#define ERROR_DBG_TERMINATE_PROCESS                             692
#define ERROR_DBG_CONTROL_C                                     693
#define ERROR_DBG_PRINTEXCEPTION_C                              694
#define ERROR_DBG_RIPEXCEPTION                                  695
#define ERROR_DBG_CONTROL_BREAK                                 696
#define ERROR_DBG_COMMAND_EXCEPTION                             697
#define ERROR_OBJECT_NAME_EXISTS                                698
#define ERROR_THREAD_WAS_SUSPENDED                              699
#define ERROR_IMAGE_NOT_AT_BASE                                 700
#define ERROR_RXACT_STATE_CREATED                               701
#define ERROR_SEGMENT_NOTIFICATION                              702
#define ERROR_BAD_CURRENT_DIRECTORY                             703
#define ERROR_FT_READ_RECOVERY_FROM_BACKUP                      704
#define ERROR_FT_WRITE_RECOVERY                                 705
#define ERROR_IMAGE_MACHINE_TYPE_MISMATCH                       706
#define ERROR_RECEIVE_PARTIAL                                   707
#define ERROR_RECEIVE_EXPEDITED                                 708
#define ERROR_RECEIVE_PARTIAL_EXPEDITED                         709
#define ERROR_EVENT_DONE                                        710
#define ERROR_EVENT_PENDING                                     711
#define ERROR_CHECKING_FILE_SYSTEM                              712
#define ERROR_FATAL_APP_EXIT                                    713
#define ERROR_PREDEFINED_HANDLE                                 714
#define ERROR_WAS_UNLOCKED                                      715
#define ERROR_SERVICE_NOTIFICATION                              716
#define ERROR_WAS_LOCKED                                        717
#define ERROR_LOG_HARD_ERROR                                    718
#define ERROR_ALREADY_WIN32                                     719
#define ERROR_IMAGE_MACHINE_TYPE_MISMATCH_EXE                   720
#define ERROR_NO_YIELD_PERFORMED                                721
#define ERROR_TIMER_RESUME_IGNORED                              722
#define ERROR_ARBITRATION_UNHANDLED                             723
#define ERROR_CARDBUS_NOT_SUPPORTED                             724
#define ERROR_MP_PROCESSOR_MISMATCH                             725
#define ERROR_HIBERNATED                                        726
#define ERROR_RESUME_HIBERNATION                                727
#define ERROR_FIRMWARE_UPDATED                                  728
#define ERROR_DRIVERS_LEAKING_LOCKED_PAGES                      729
#define ERROR_WAKE_SYSTEM                                       730
#define ERROR_WAIT_1                                            731
#define ERROR_WAIT_2                                            732
#define ERROR_WAIT_3                                            733
#define ERROR_WAIT_63                                           734
#define ERROR_ABANDONED_WAIT_0                                  735
#define ERROR_ABANDONED_WAIT_63                                 736
#define ERROR_USER_APC                                          737
#define ERROR_KERNEL_APC                                        738
#define ERROR_ALERTED                                           739
#define ERROR_ELEVATION_REQUIRED                                740
#define ERROR_REPARSE                                           741
#define ERROR_OPLOCK_BREAK_IN_PROGRESS                          742
#define ERROR_VOLUME_MOUNTED                                    743
#define ERROR_RXACT_COMMITTED                                   744
#define ERROR_NOTIFY_CLEANUP                                    745
#define ERROR_PRIMARY_TRANSPORT_CONNECT_FAILED                  746
#define ERROR_PAGE_FAULT_TRANSITION                             747
#define ERROR_PAGE_FAULT_DEMAND_ZERO                            748
#define ERROR_PAGE_FAULT_COPY_ON_WRITE                          749
#define ERROR_PAGE_FAULT_GUARD_PAGE                             750
#define ERROR_PAGE_FAULT_PAGING_FILE                            751
#define ERROR_CACHE_PAGE_LOCKED                                 752
#define ERROR_CRASH_DUMP                                        753
#define ERROR_BUFFER_ALL_ZEROS                                  754
#define ERROR_REPARSE_OBJECT                                    755
#define ERROR_RESOURCE_REQUIREMENTS_CHANGED                     756
#define ERROR_TRANSLATION_COMPLETE                              757
#define ERROR_NOTHING_TO_TERMINATE                              758
#define ERROR_PROCESS_NOT_IN_JOB                                759
#define ERROR_PROCESS_IN_JOB                                    760
#define ERROR_VOLSNAP_HIBERNATE_READY                           761
#define ERROR_FSFILTER_OP_COMPLETED_SUCCESSFULLY                762
#define ERROR_INTERRUPT_VECTOR_ALREADY_CONNECTED                763
#define ERROR_INTERRUPT_STILL_CONNECTED                         764
#define ERROR_WAIT_FOR_OPLOCK                                   765
#define ERROR_DBG_EXCEPTION_HANDLED                             766
#define ERROR_DBG_CONTINUE                                      767
#define ERROR_CALLBACK_POP_STACK                                768
#define ERROR_COMPRESSION_DISABLED                              769
#define ERROR_CANTFETCHBACKWARDS                                770
#define ERROR_CANTSCROLLBACKWARDS                               771
#define ERROR_ROWSNOTRELEASED                                   772
#define ERROR_BAD_ACCESSOR_FLAGS                                773
#define ERROR_ERRORS_ENCOUNTERED                                774
#define ERROR_NOT_CAPABLE                                       775
#define ERROR_REQUEST_OUT_OF_SEQUENCE                           776
#define ERROR_VERSION_PARSE_ERROR                               777
#define ERROR_BADSTARTPOSITION                                  778
#define ERROR_MEMORY_HARDWARE                                   779
#define ERROR_DISK_REPAIR_DISABLED                              780
#define ERROR_INSUFFICIENT_RESOURCE_FOR_SPECIFIED_SHARED_SECTION_SIZE 781
#define ERROR_SYSTEM_POWERSTATE_TRANSITION                      782
#define ERROR_SYSTEM_POWERSTATE_COMPLEX_TRANSITION              783
#define ERROR_MCA_EXCEPTION                                     784
#define ERROR_ACCESS_AUDIT_BY_POLICY                            785
#define ERROR_ACCESS_DISABLED_NO_SAFER_UI_BY_POLICY             786
#define ERROR_ABANDON_HIBERFILE                                 787
#define ERROR_LOST_WRITEBEHIND_DATA_NETWORK_DISCONNECTED        788
#define ERROR_LOST_WRITEBEHIND_DATA_NETWORK_SERVER_ERROR        789
#define ERROR_LOST_WRITEBEHIND_DATA_LOCAL_DISK_ERROR            790
#define ERROR_BAD_MCFG_TABLE                                    791
#define ERROR_DISK_REPAIR_REDIRECTED                            792
#define ERROR_DISK_REPAIR_UNSUCCESSFUL                          793
#define ERROR_CORRUPT_LOG_OVERFULL                              794
#define ERROR_CORRUPT_LOG_CORRUPTED                             795
#define ERROR_CORRUPT_LOG_UNAVAILABLE                           796
#define ERROR_CORRUPT_LOG_DELETED_FULL                          797
#define ERROR_CORRUPT_LOG_CLEARED                               798
#define ERROR_ORPHAN_NAME_EXHAUSTED                             799
#define ERROR_OPLOCK_SWITCHED_TO_NEW_HANDLE                     800
#define ERROR_CANNOT_GRANT_REQUESTED_OPLOCK                     801
#define ERROR_CANNOT_BREAK_OPLOCK                               802
#define ERROR_OPLOCK_HANDLE_CLOSED                              803
#define ERROR_NO_ACE_CONDITION                                  804
#define ERROR_INVALID_ACE_CONDITION                             805
#define ERROR_FILE_HANDLE_REVOKED                               806
#define ERROR_IMAGE_AT_DIFFERENT_BASE                           807
#define ERROR_ENCRYPTED_IO_NOT_POSSIBLE                         808
#define ERROR_FILE_METADATA_OPTIMIZATION_IN_PROGRESS            809
#define ERROR_QUOTA_ACTIVITY                                    810
#define ERROR_HANDLE_REVOKED                                    811
#define ERROR_CALLBACK_INVOKE_INLINE                            812
#define ERROR_CPU_SET_INVALID                                   813
#define ERROR_ENCLAVE_NOT_TERMINATED                            814
#define ERROR_ENCLAVE_VIOLATION                                 815
#define ERROR_SERVER_TRANSPORT_CONFLICT                         816
#define ERROR_CERTIFICATE_VALIDATION_PREFERENCE_CONFLICT        817
#define ERROR_FT_READ_FROM_COPY_FAILURE                         818
#define ERROR_SECTION_DIRECT_MAP_ONLY                           819
#define ERROR_EA_ACCESS_DENIED                                  994
#define ERROR_OPERATION_ABORTED                                 995
#define ERROR_IO_INCOMPLETE                                     996
#define ERROR_IO_PENDING                                        997
#define ERROR_NOACCESS                                          998
#define ERROR_SWAPERROR                                         999
#define ERROR_STACK_OVERFLOW                                    1001
#define ERROR_INVALID_MESSAGE                                   1002
#define ERROR_CAN_NOT_COMPLETE                                  1003
#define ERROR_INVALID_FLAGS                                     1004
#define ERROR_UNRECOGNIZED_VOLUME                               1005
#define ERROR_FILE_INVALID                                      1006
#define ERROR_FULLSCREEN_MODE                                   1007
#define ERROR_NO_TOKEN                                          1008
#define ERROR_BADDB                                             1009
#define ERROR_BADKEY                                            1010
#define ERROR_CANTOPEN                                          1011
#define ERROR_CANTREAD                                          1012
#define ERROR_CANTWRITE                                         1013
#define ERROR_REGISTRY_RECOVERED                                1014
#define ERROR_REGISTRY_CORRUPT                                  1015
#define ERROR_REGISTRY_IO_FAILED                                1016
#define ERROR_NOT_REGISTRY_FILE                                 1017
#define ERROR_KEY_DELETED                                       1018
#define ERROR_NO_LOG_SPACE                                      1019
#define ERROR_KEY_HAS_CHILDREN                                  1020
#define ERROR_CHILD_MUST_BE_VOLATILE                            1021
#define ERROR_NOTIFY_ENUM_DIR                                   1022
#define ERROR_DEPENDENT_SERVICES_RUNNING                        1051
#define ERROR_INVALID_SERVICE_CONTROL                           1052
#define ERROR_SERVICE_REQUEST_TIMEOUT                           1053
#define ERROR_SERVICE_NO_THREAD                                 1054
#define ERROR_SERVICE_DATABASE_LOCKED                           1055
#define ERROR_SERVICE_ALREADY_RUNNING                           1056
#define ERROR_INVALID_SERVICE_ACCOUNT                           1057
#define ERROR_SERVICE_DISABLED                                  1058
#define ERROR_CIRCULAR_DEPENDENCY                               1059
#define ERROR_SERVICE_DOES_NOT_EXIST                            1060
#define ERROR_SERVICE_CANNOT_ACCEPT_CTRL                        1061
#define ERROR_SERVICE_NOT_ACTIVE                                1062
#define ERROR_FAILED_SERVICE_CONTROLLER_CONNECT                 1063
#define ERROR_EXCEPTION_IN_SERVICE                              1064
#define ERROR_DATABASE_DOES_NOT_EXIST                           1065
#define ERROR_SERVICE_SPECIFIC_ERROR                            1066
#define ERROR_PROCESS_ABORTED                                   1067
#define ERROR_SERVICE_DEPENDENCY_FAIL                           1068
#define ERROR_SERVICE_LOGON_FAILED                              1069
#define ERROR_SERVICE_START_HANG                                1070
#define ERROR_INVALID_SERVICE_LOCK                              1071
#define ERROR_SERVICE_MARKED_FOR_DELETE                         1072
#define ERROR_SERVICE_EXISTS                                    1073
#define ERROR_ALREADY_RUNNING_LKG                               1074
#define ERROR_SERVICE_DEPENDENCY_DELETED                        1075
#define ERROR_BOOT_ALREADY_ACCEPTED                             1076
#define ERROR_SERVICE_NEVER_STARTED                             1077
#define ERROR_DUPLICATE_SERVICE_NAME                            1078
#define ERROR_DIFFERENT_SERVICE_ACCOUNT                         1079
#define ERROR_CANNOT_DETECT_DRIVER_FAILURE                      1080
#define ERROR_CANNOT_DETECT_PROCESS_ABORT                       1081
#define ERROR_NO_RECOVERY_PROGRAM                               1082
#define ERROR_SERVICE_NOT_IN_EXE                                1083
#define ERROR_NOT_SAFEBOOT_SERVICE                              1084
#define ERROR_END_OF_MEDIA                                      1100
#define ERROR_FILEMARK_DETECTED                                 1101
#define ERROR_BEGINNING_OF_MEDIA                                1102
#define ERROR_SETMARK_DETECTED                                  1103
#define ERROR_NO_DATA_DETECTED                                  1104
#define ERROR_PARTITION_FAILURE                                 1105
#define ERROR_INVALID_BLOCK_LENGTH                              1106
#define ERROR_DEVICE_NOT_PARTITIONED                            1107
#define ERROR_UNABLE_TO_LOCK_MEDIA                              1108
#define ERROR_UNABLE_TO_UNLOAD_MEDIA                            1109
#define ERROR_MEDIA_CHANGED                                     1110
#define ERROR_BUS_RESET                                         1111
#define ERROR_NO_MEDIA_IN_DRIVE                                 1112
#define ERROR_NO_UNICODE_TRANSLATION                            1113
#define ERROR_DLL_INIT_FAILED                                   1114
#define ERROR_SHUTDOWN_IN_PROGRESS                              1115
#define ERROR_NO_SHUTDOWN_IN_PROGRESS                           1116
#define ERROR_IO_DEVICE                                         1117
#define ERROR_SERIAL_NO_DEVICE                                  1118
#define ERROR_IRQ_BUSY                                          1119
#define ERROR_MORE_WRITES                                       1120
#define ERROR_COUNTER_TIMEOUT                                   1121
#define ERROR_FLOPPY_ID_MARK_NOT_FOUND                          1122
#define ERROR_FLOPPY_WRONG_CYLINDER                             1123
#define ERROR_FLOPPY_UNKNOWN_ERROR                              1124
#define ERROR_FLOPPY_BAD_REGISTERS                              1125
#define ERROR_DISK_RECALIBRATE_FAILED                           1126
#define ERROR_DISK_OPERATION_FAILED                             1127
#define ERROR_DISK_RESET_FAILED                                 1128
#define ERROR_EOM_OVERFLOW                                      1129
#define ERROR_NOT_ENOUGH_SERVER_MEMORY                          1130
#define ERROR_POSSIBLE_DEADLOCK                                 1131
#define ERROR_MAPPED_ALIGNMENT                                  1132
#define ERROR_SET_POWER_STATE_VETOED                            1140
#define ERROR_SET_POWER_STATE_FAILED                            1141
#define ERROR_TOO_MANY_LINKS                                    1142
#define ERROR_OLD_WIN_VERSION                                   1150
#define ERROR_APP_WRONG_OS                                      1151
#define ERROR_SINGLE_INSTANCE_APP                               1152
#define ERROR_RMODE_APP                                         1153
#define ERROR_INVALID_DLL                                       1154
#define ERROR_NO_ASSOCIATION                                    1155
#define ERROR_DDE_FAIL                                          1156
#define ERROR_DLL_NOT_FOUND                                     1157
#define ERROR_NO_MORE_USER_HANDLES                              1158
#define ERROR_MESSAGE_SYNC_ONLY                                 1159
#define ERROR_SOURCE_ELEMENT_EMPTY                              1160
#define ERROR_DESTINATION_ELEMENT_FULL                          1161
#define ERROR_ILLEGAL_ELEMENT_ADDRESS                           1162
#define ERROR_MAGAZINE_NOT_PRESENT                              1163
#define ERROR_DEVICE_REINITIALIZATION_NEEDED                    1164
#define ERROR_DEVICE_REQUIRES_CLEANING                          1165
#define ERROR_DEVICE_DOOR_OPEN                                  1166
#define ERROR_DEVICE_NOT_CONNECTED                              1167
#define ERROR_NOT_FOUND                                         1168
#define ERROR_NO_MATCH                                          1169
#define ERROR_SET_NOT_FOUND                                     1170
#define ERROR_POINT_NOT_FOUND                                   1171
#define ERROR_NO_TRACKING_SERVICE                               1172
#define ERROR_NO_VOLUME_ID                                      1173
#define ERROR_UNABLE_TO_REMOVE_REPLACED                         1175
#define ERROR_UNABLE_TO_MOVE_REPLACEMENT                        1176
#define ERROR_UNABLE_TO_MOVE_REPLACEMENT_2                      1177
#define ERROR_JOURNAL_DELETE_IN_PROGRESS                        1178
#define ERROR_JOURNAL_NOT_ACTIVE                                1179
#define ERROR_POTENTIAL_FILE_FOUND                              1180
#define ERROR_JOURNAL_ENTRY_DELETED                             1181
#define ERROR_PARTITION_TERMINATING                             1184
#define ERROR_SHUTDOWN_IS_SCHEDULED                             1190
#define ERROR_SHUTDOWN_USERS_LOGGED_ON                          1191
#define ERROR_SHUTDOWN_DISKS_NOT_IN_MAINTENANCE_MODE            1192
#define ERROR_BAD_DEVICE                                        1200
#define ERROR_CONNECTION_UNAVAIL                                1201
#define ERROR_DEVICE_ALREADY_REMEMBERED                         1202
#define ERROR_NO_NET_OR_BAD_PATH                                1203
#define ERROR_BAD_PROVIDER                                      1204
#define ERROR_CANNOT_OPEN_PROFILE                               1205
#define ERROR_BAD_PROFILE                                       1206
#define ERROR_NOT_CONTAINER                                     1207
#define ERROR_EXTENDED_ERROR                                    1208
#define ERROR_INVALID_GROUPNAME                                 1209
#define ERROR_INVALID_COMPUTERNAME                              1210
#define ERROR_INVALID_EVENTNAME                                 1211
#define ERROR_INVALID_DOMAINNAME                                1212
#define ERROR_INVALID_SERVICENAME                               1213
#define ERROR_INVALID_NETNAME                                   1214
#define ERROR_INVALID_SHARENAME                                 1215
#define ERROR_INVALID_PASSWORDNAME                              1216
#define ERROR_INVALID_MESSAGENAME                               1217
#define ERROR_INVALID_MESSAGEDEST                               1218
#define ERROR_SESSION_CREDENTIAL_CONFLICT                       1219
#define ERROR_REMOTE_SESSION_LIMIT_EXCEEDED                     1220
#define ERROR_DUP_DOMAINNAME                                    1221
#define ERROR_NO_NETWORK                                        1222
#define ERROR_CANCELLED                                         1223
#define ERROR_USER_MAPPED_FILE                                  1224
#define ERROR_CONNECTION_REFUSED                                1225
#define ERROR_GRACEFUL_DISCONNECT                               1226
#define ERROR_ADDRESS_ALREADY_ASSOCIATED                        1227
#define ERROR_ADDRESS_NOT_ASSOCIATED                            1228
#define ERROR_CONNECTION_INVALID                                1229
#define ERROR_CONNECTION_ACTIVE                                 1230
#define ERROR_NETWORK_UNREACHABLE                               1231
#define ERROR_HOST_UNREACHABLE                                  1232
#define ERROR_PROTOCOL_UNREACHABLE                              1233
#define ERROR_PORT_UNREACHABLE                                  1234
#define ERROR_REQUEST_ABORTED                                   1235
#define ERROR_CONNECTION_ABORTED                                1236
#define ERROR_RETRY                                             1237
#define ERROR_CONNECTION_COUNT_LIMIT                            1238
#define ERROR_LOGIN_TIME_RESTRICTION                            1239
#define ERROR_LOGIN_WKSTA_RESTRICTION                           1240
#define ERROR_INCORRECT_ADDRESS                                 1241
#define ERROR_ALREADY_REGISTERED                                1242
#define ERROR_SERVICE_NOT_FOUND                                 1243
#define ERROR_NOT_AUTHENTICATED                                 1244
#define ERROR_NOT_LOGGED_ON                                     1245
#define ERROR_CONTINUE                                          1246
#define ERROR_ALREADY_INITIALIZED                               1247
#define ERROR_NO_MORE_DEVICES                                   1248
#define ERROR_NO_SUCH_SITE                                      1249
#define ERROR_DOMAIN_CONTROLLER_EXISTS                          1250
#define ERROR_ONLY_IF_CONNECTED                                 1251
#define ERROR_OVERRIDE_NOCHANGES                                1252
#define ERROR_BAD_USER_PROFILE                                  1253
#define ERROR_NOT_SUPPORTED_ON_SBS                              1254
#define ERROR_SERVER_SHUTDOWN_IN_PROGRESS                       1255
#define ERROR_HOST_DOWN                                         1256
#define ERROR_NON_ACCOUNT_SID                                   1257
#define ERROR_NON_DOMAIN_SID                                    1258
#define ERROR_APPHELP_BLOCK                                     1259
#define ERROR_ACCESS_DISABLED_BY_POLICY                         1260
#define ERROR_REG_NAT_CONSUMPTION                               1261
#define ERROR_CSCSHARE_OFFLINE                                  1262
#define ERROR_PKINIT_FAILURE                                    1263
#define ERROR_SMARTCARD_SUBSYSTEM_FAILURE                       1264
#define ERROR_DOWNGRADE_DETECTED                                1265
#define ERROR_MACHINE_LOCKED                                    1271
#define ERROR_SMB_GUEST_LOGON_BLOCKED                           1272
#define ERROR_CALLBACK_SUPPLIED_INVALID_DATA                    1273
#define ERROR_SYNC_FOREGROUND_REFRESH_REQUIRED                  1274
#define ERROR_DRIVER_BLOCKED                                    1275
#define ERROR_INVALID_IMPORT_OF_NON_DLL                         1276
#define ERROR_ACCESS_DISABLED_WEBBLADE                          1277
#define ERROR_ACCESS_DISABLED_WEBBLADE_TAMPER                   1278
#define ERROR_RECOVERY_FAILURE                                  1279
#define ERROR_ALREADY_FIBER                                     1280
#define ERROR_ALREADY_THREAD                                    1281
#define ERROR_STACK_BUFFER_OVERRUN                              1282
#define ERROR_PARAMETER_QUOTA_EXCEEDED                          1283
#define ERROR_DEBUGGER_INACTIVE                                 1284
#define ERROR_DELAY_LOAD_FAILED                                 1285
#define ERROR_VDM_DISALLOWED                                    1286
#define ERROR_UNIDENTIFIED_ERROR                                1287
#define ERROR_INVALID_CRUNTIME_PARAMETER                        1288
#define ERROR_BEYOND_VDL                                        1289
#define ERROR_INCOMPATIBLE_SERVICE_SID_TYPE                     1290
#define ERROR_DRIVER_PROCESS_TERMINATED                         1291
#define ERROR_IMPLEMENTATION_LIMIT                              1292
#define ERROR_PROCESS_IS_PROTECTED                              1293
#define ERROR_SERVICE_NOTIFY_CLIENT_LAGGING                     1294
#define ERROR_DISK_QUOTA_EXCEEDED                               1295
#define ERROR_CONTENT_BLOCKED                                   1296
#define ERROR_INCOMPATIBLE_SERVICE_PRIVILEGE                    1297
#define ERROR_APP_HANG                                          1298
#define ERROR_INVALID_LABEL                                     1299
#define ERROR_NOT_ALL_ASSIGNED                                  1300
#define ERROR_SOME_NOT_MAPPED                                   1301
#define ERROR_NO_QUOTAS_FOR_ACCOUNT                             1302
#define ERROR_LOCAL_USER_SESSION_KEY                            1303
#define ERROR_NULL_LM_PASSWORD                                  1304
#define ERROR_UNKNOWN_REVISION                                  1305
#define ERROR_REVISION_MISMATCH                                 1306
#define ERROR_INVALID_OWNER                                     1307
#define ERROR_INVALID_PRIMARY_GROUP                             1308
#define ERROR_NO_IMPERSONATION_TOKEN                            1309
#define ERROR_CANT_DISABLE_MANDATORY                            1310
#define ERROR_NO_LOGON_SERVERS                                  1311
#define ERROR_NO_SUCH_LOGON_SESSION                             1312
#define ERROR_NO_SUCH_PRIVILEGE                                 1313
#define ERROR_PRIVILEGE_NOT_HELD                                1314
#define ERROR_INVALID_ACCOUNT_NAME                              1315
#define ERROR_USER_EXISTS                                       1316
#define ERROR_NO_SUCH_USER                                      1317
#define ERROR_GROUP_EXISTS                                      1318
#define ERROR_NO_SUCH_GROUP                                     1319
#define ERROR_MEMBER_IN_GROUP                                   1320
#define ERROR_MEMBER_NOT_IN_GROUP                               1321
#define ERROR_LAST_ADMIN                                        1322
#define ERROR_ILL_FORMED_PASSWORD                               1324
#define ERROR_PASSWORD_RESTRICTION                              1325
#define ERROR_LOGON_FAILURE                                     1326
#define ERROR_ACCOUNT_RESTRICTION                               1327
#define ERROR_INVALID_LOGON_HOURS                               1328
#define ERROR_INVALID_WORKSTATION                               1329
#define ERROR_PASSWORD_EXPIRED                                  1330
#define ERROR_ACCOUNT_DISABLED                                  1331
#define ERROR_NONE_MAPPED                                       1332
#define ERROR_TOO_MANY_LUIDS_REQUESTED                          1333
#define ERROR_LUIDS_EXHAUSTED                                   1334
#define ERROR_INVALID_SUB_AUTHORITY                             1335
#define ERROR_INVALID_ACL                                       1336
#define ERROR_INVALID_SID                                       1337
#define ERROR_INVALID_SECURITY_DESCR                            1338
#define ERROR_BAD_INHERITANCE_ACL                               1340
#define ERROR_SERVER_DISABLED                                   1341
#define ERROR_SERVER_NOT_DISABLED                               1342
#define ERROR_INVALID_ID_AUTHORITY                              1343
#define ERROR_ALLOTTED_SPACE_EXCEEDED                           1344
#define ERROR_INVALID_GROUP_ATTRIBUTES                          1345
#define ERROR_BAD_IMPERSONATION_LEVEL                           1346
#define ERROR_CANT_OPEN_ANONYMOUS                               1347
#define ERROR_BAD_VALIDATION_CLASS                              1348
#define ERROR_BAD_TOKEN_TYPE                                    1349
#define ERROR_NO_SECURITY_ON_OBJECT                             1350
#define ERROR_CANT_ACCESS_DOMAIN_INFO                           1351
#define ERROR_INVALID_SERVER_STATE                              1352
#define ERROR_INVALID_DOMAIN_STATE                              1353
#define ERROR_INVALID_DOMAIN_ROLE                               1354
#define ERROR_NO_SUCH_DOMAIN                                    1355
#define ERROR_DOMAIN_EXISTS                                     1356
#define ERROR_DOMAIN_LIMIT_EXCEEDED                             1357
#define ERROR_INTERNAL_DB_CORRUPTION                            1358
#define ERROR_INTERNAL_ERROR                                    1359
#define ERROR_GENERIC_NOT_MAPPED                                1360
#define ERROR_BAD_DESCRIPTOR_FORMAT                             1361
#define ERROR_NOT_LOGON_PROCESS                                 1362
#define ERROR_LOGON_SESSION_EXISTS                              1363
#define ERROR_NO_SUCH_PACKAGE                                   1364
#define ERROR_BAD_LOGON_SESSION_STATE                           1365
#define ERROR_LOGON_SESSION_COLLISION                           1366
#define ERROR_INVALID_LOGON_TYPE                                1367
#define ERROR_CANNOT_IMPERSONATE                                1368
#define ERROR_RXACT_INVALID_STATE                               1369
#define ERROR_RXACT_COMMIT_FAILURE                              1370
#define ERROR_SPECIAL_ACCOUNT                                   1371
#define ERROR_SPECIAL_GROUP                                     1372
#define ERROR_SPECIAL_USER                                      1373
#define ERROR_MEMBERS_PRIMARY_GROUP                             1374
#define ERROR_TOKEN_ALREADY_IN_USE                              1375
#define ERROR_NO_SUCH_ALIAS                                     1376
#define ERROR_MEMBER_NOT_IN_ALIAS                               1377
#define ERROR_MEMBER_IN_ALIAS                                   1378
#define ERROR_ALIAS_EXISTS                                      1379
#define ERROR_LOGON_NOT_GRANTED                                 1380
#define ERROR_TOO_MANY_SECRETS                                  1381
#define ERROR_SECRET_TOO_LONG                                   1382
#define ERROR_INTERNAL_DB_ERROR                                 1383
#define ERROR_TOO_MANY_CONTEXT_IDS                              1384
#define ERROR_LOGON_TYPE_NOT_GRANTED                            1385
#define ERROR_NT_CROSS_ENCRYPTION_REQUIRED                      1386
#define ERROR_NO_SUCH_MEMBER                                    1387
#define ERROR_INVALID_MEMBER                                    1388
#define ERROR_TOO_MANY_SIDS                                     1389
#define ERROR_LM_CROSS_ENCRYPTION_REQUIRED                      1390
#define ERROR_NO_INHERITANCE                                    1391
#define ERROR_FILE_CORRUPT                                      1392
#define ERROR_DISK_CORRUPT                                      1393
#define ERROR_NO_USER_SESSION_KEY                               1394
#define ERROR_LICENSE_QUOTA_EXCEEDED                            1395
#define ERROR_MUTUAL_AUTH_FAILED                                1397
#define ERROR_TIME_SKEW                                         1398
#define ERROR_CURRENT_DOMAIN_NOT_ALLOWED                        1399
#define ERROR_INVALID_THREAD_ID                                 1444
#define ERROR_NO_SYSTEM_RESOURCES                               1450
#define ERROR_WORKING_SET_QUOTA                                 1453
#define ERROR_PAGEFILE_QUOTA                                    1454
#define ERROR_COMMITMENT_LIMIT                                  1455
#define ERROR_TIMEOUT                                           1460
#define ERROR_EVENTLOG_FILE_CORRUPT                             1500
#define ERROR_EVENTLOG_CANT_START                               1501
#define ERROR_LOG_FILE_FULL                                     1502
#define ERROR_EVENTLOG_FILE_CHANGED                             1503
#define ERROR_DEVICE_REMOVED                                    1617
#define ERROR_UNSUPPORTED_TYPE                                  1630
#define ERROR_NOT_SAME_OBJECT                                   1656
#define ERROR_RETURN_ADDRESS_HIJACK_ATTEMPT                     1662
#define ERROR_INVALID_USER_BUFFER                               1784
#define ERROR_UNRECOGNIZED_MEDIA                                1785
#define ERROR_NO_TRUST_LSA_SECRET                               1786
#define ERROR_NO_TRUST_SAM_ACCOUNT                              1787
#define ERROR_TRUSTED_DOMAIN_FAILURE                            1788
#define ERROR_TRUSTED_RELATIONSHIP_FAILURE                      1789
#define ERROR_TRUST_FAILURE                                     1790
#define ERROR_NETLOGON_NOT_STARTED                              1792
#define ERROR_ACCOUNT_EXPIRED                                   1793
#define ERROR_REDIRECTOR_HAS_OPEN_HANDLES                       1794
#define ERROR_NOLOGON_INTERDOMAIN_TRUST_ACCOUNT                 1807
#define ERROR_NOLOGON_WORKSTATION_TRUST_ACCOUNT                 1808
#define ERROR_NOLOGON_SERVER_TRUST_ACCOUNT                      1809
#define ERROR_DOMAIN_TRUST_INCONSISTENT                         1810
#define ERROR_SERVER_HAS_OPEN_HANDLES                           1811
#define ERROR_RESOURCE_DATA_NOT_FOUND                           1812
#define ERROR_RESOURCE_TYPE_NOT_FOUND                           1813
#define ERROR_RESOURCE_NAME_NOT_FOUND                           1814
#define ERROR_RESOURCE_LANG_NOT_FOUND                           1815
#define ERROR_NOT_ENOUGH_QUOTA                                  1816
#define ERROR_PASSWORD_MUST_CHANGE                              1907
#define ERROR_DOMAIN_CONTROLLER_NOT_FOUND                       1908
#define ERROR_ACCOUNT_LOCKED_OUT                                1909
#define ERROR_CANT_ACCESS_FILE                                  1920
#define ERROR_CANT_RESOLVE_FILENAME                             1921
#define ERROR_PASSWORD_CHANGE_REQUIRED                          1938
#define ERROR_BAD_DRIVER                                        2001
#define ERROR_OPEN_FILES                                        2401
#define ERROR_ACTIVE_CONNECTIONS                                2402
#define ERROR_DEVICE_IN_USE                                     2404
#define ERROR_REQUEST_PAUSED                                    3050
#define ERROR_WMI_GUID_NOT_FOUND                                4200
#define ERROR_WMI_INSTANCE_NOT_FOUND                            4201
#define ERROR_WMI_ITEMID_NOT_FOUND                              4202
#define ERROR_WMI_TRY_AGAIN                                     4203
#define ERROR_WMI_ALREADY_ENABLED                               4206
#define ERROR_WMI_GUID_DISCONNECTED                             4207
#define ERROR_WMI_ALREADY_DISABLED                              4212
#define ERROR_WMI_READ_ONLY                                     4213
#define ERROR_WMI_SET_FAILURE                                   4214
#define ERROR_TRANSPORT_FULL                                    4328
#define ERROR_CLEANER_CARTRIDGE_INSTALLED                       4340
#define ERROR_FILE_OFFLINE                                      4350
#define ERROR_REMOTE_STORAGE_NOT_ACTIVE                         4351
#define ERROR_REMOTE_STORAGE_MEDIA_ERROR                        4352
#define ERROR_NOT_A_REPARSE_POINT                               4390
#define ERROR_REPARSE_ATTRIBUTE_CONFLICT                        4391
#define ERROR_INVALID_REPARSE_DATA                              4392
#define ERROR_REPARSE_TAG_INVALID                               4393
#define ERROR_REPARSE_TAG_MISMATCH                              4394
#define ERROR_OBJECT_ALREADY_EXISTS                             5010
#define ERROR_FILE_ENCRYPTED                                    6002
#define ERROR_FILE_NOT_ENCRYPTED                                6007
#define ERROR_NOT_EXPORT_FORMAT                                 6008
#define ERROR_EFS_ALG_BLOB_TOO_BIG                              6013
#define ERROR_NO_BROWSER_SERVERS_FOUND                          6118
#define ERROR_DATA_LOST_REPAIR                                  6843
#define ERROR_CTX_LICENSE_NOT_AVAILABLE                         7054
#define ERROR_DS_SHUTTING_DOWN                                  8364
#define ERROR_NO_SECRETS                                        8620
#define ERROR_SXS_SECTION_NOT_FOUND                             14000
#define ERROR_SXS_CANT_GEN_ACTCTX                               14001
#define ERROR_SXS_INVALID_ACTCTXDATA_FORMAT                     14002
#define ERROR_SXS_ASSEMBLY_NOT_FOUND                            14003
#define ERROR_SXS_MANIFEST_FORMAT_ERROR                         14004
#define ERROR_SXS_MANIFEST_PARSE_ERROR                          14005
#define ERROR_SXS_ACTIVATION_CONTEXT_DISABLED                   14006
#define ERROR_SXS_KEY_NOT_FOUND                                 14007
#define ERROR_SXS_WRONG_SECTION_TYPE                            14009
#define ERROR_SXS_THREAD_QUERIES_DISABLED                       14010
#define ERROR_SXS_PROCESS_DEFAULT_ALREADY_SET                   14011
#define ERROR_SXS_EARLY_DEACTIVATION                            14084
#define ERROR_SXS_INVALID_DEACTIVATION                          14085
#define ERROR_AMBIGUOUS_SYSTEM_DEVICE                           15250
#define ERROR_SYSTEM_DEVICE_NOT_FOUND                           15299

#endif /* _WINERROR_ */
