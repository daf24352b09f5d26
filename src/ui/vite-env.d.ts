/// <reference types="vite/client" />
/// <reference path="../models/virtual-modules.d.ts" />
