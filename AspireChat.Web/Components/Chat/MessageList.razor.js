// Keeps a list scrolled to its end as lines arrive, unless the reader has scrolled up to read.
export function follow(list) {
    let atEnd = true;
    list.addEventListener("scroll", () => {
        atEnd = list.scrollHeight - list.scrollTop - list.clientHeight < 48;
    });
    const observer = new MutationObserver(() => {
        if (atEnd) {
            list.scrollTop = list.scrollHeight;
        }
    });
    observer.observe(list, { childList: true });
    list.scrollTop = list.scrollHeight;
}
