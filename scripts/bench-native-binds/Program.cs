// The cost of binding an event's 13 values, reading sqlite3_changes and resetting, 1,000,000 times (no step: the binds
// alone), three ways: direct P/Invokes with the GC transition suppressed, the same without suppressing it (what
// NativeBinds does), and SQLitePCLRaw's raw API. dotnet run -c Release --project scripts/bench-native-binds
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SQLitePCL;

Batteries_V2.Init();
raw.sqlite3_open(":memory:", out var db);
raw.sqlite3_exec(db, "CREATE TABLE t(a,b,c,d,e,f,g,h,i,j,k,l,m)");
raw.sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)", out var stmt);
var h = stmt.DangerousGetHandle();
var dbh = db.DangerousGetHandle();
byte[] text = GC.AllocateArray<byte>(64, pinned: true);
"W06000003,garden-waste,transaction_completed,0123456789abcdef"u8.CopyTo(text);
const int N = 1_000_000;
for (var round = 0; round < 3; round++)
{
    foreach (var mode in new[] { "suppressed", "transition", "sqlitepclraw" })
    {
        var clock = Stopwatch.StartNew();
        unsafe
        {
            fixed (byte* p = text)
            for (var r = 0; r < N; r++)
            {
                for (var c = 1; c <= 8; c++)
                {
                    if (mode == "suppressed") N1.BindText(h, c, p, 12, IntPtr.Zero);
                    else if (mode == "transition") N2.BindText(h, c, p, 12, IntPtr.Zero);
                    else raw.sqlite3_bind_text(stmt, c, new ReadOnlySpan<byte>(p, 12));
                }
                for (var c = 9; c <= 13; c++)
                {
                    if (mode == "suppressed") N1.BindInt64(h, c, r);
                    else if (mode == "transition") N2.BindInt64(h, c, r);
                    else raw.sqlite3_bind_int64(stmt, c, r);
                }
                if (mode == "suppressed") { N1.Changes(dbh); N1.Reset(h); }
                else if (mode == "transition") { N2.Changes(dbh); N2.Reset(h); }
                else { raw.sqlite3_changes(db); raw.sqlite3_reset(stmt); }
            }
        }
        Console.WriteLine($"{round} {mode}: {clock.Elapsed.TotalMilliseconds:0} ms per {N:N0} rows of 13 binds + changes + reset");
    }
}

static unsafe partial class N1
{
    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_bind_text")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl), typeof(CallConvSuppressGCTransition)])]
    public static partial int BindText(IntPtr stmt, int index, byte* text, int length, IntPtr destructor);
    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_bind_int64")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl), typeof(CallConvSuppressGCTransition)])]
    public static partial int BindInt64(IntPtr stmt, int index, long value);
    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_reset")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl), typeof(CallConvSuppressGCTransition)])]
    public static partial int Reset(IntPtr stmt);
    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_changes")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl), typeof(CallConvSuppressGCTransition)])]
    public static partial int Changes(IntPtr db);
}
static unsafe partial class N2
{
    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_bind_text")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindText(IntPtr stmt, int index, byte* text, int length, IntPtr destructor);
    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_bind_int64")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindInt64(IntPtr stmt, int index, long value);
    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_reset")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Reset(IntPtr stmt);
    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_changes")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Changes(IntPtr db);
}
