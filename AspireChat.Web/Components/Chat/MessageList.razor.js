// Keeps a list scrolled to its end as lines arrive, unless the reader has scrolled up to read.
// At most one scroll a frame however many lines came in it: each one lays the list out.
export function follow(list) {
    let atEnd = true;
    let scrollPending = false;
    list.addEventListener("scroll", () => {
        atEnd = list.scrollHeight - list.scrollTop - list.clientHeight < 48;
    }, { passive: true });
    const observer = new MutationObserver(() => {
        if (atEnd && !scrollPending) {
            scrollPending = true;
            requestAnimationFrame(() => {
                scrollPending = false;
                list.scrollTop = list.scrollHeight;
            });
        }
    });
    observer.observe(list, { childList: true });
    list.scrollTop = list.scrollHeight;
}
