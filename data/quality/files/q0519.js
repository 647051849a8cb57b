"use strict";
Object.defineProperty(exports, "__esModule", { value: true });

//# sourceMappingURL=SoftRemoveEvent.js.map
