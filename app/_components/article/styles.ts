export const tableClass = 'w-full border-collapse text-sm';
export const cellClass = 'border border-border px-2 py-1 text-left align-top';
export const figureClass = 'my-6 overflow-x-auto';
