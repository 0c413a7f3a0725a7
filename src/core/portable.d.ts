// The AssemblyScript number types typesetter.ts is written in, as tsc sees them (asc has its own).
declare type i32 = number;
declare type u8 = number;
declare type bool = boolean;
