// A table wider than the screen scrolls in its frame: say so in words above it, mark the edge that hides columns, and
// let keyboard users scroll it (focusable region named after its caption). Without script the table still scrolls.
(function () {
    var hintText = document.documentElement.getAttribute('data-scroll-hint');
    function update(wrap) {
        var hint = wrap.previousElementSibling;
        if (!hint || !hint.classList.contains('scroll-hint')) {
            hint = document.createElement('p');
            hint.className = 'scroll-hint';
            hint.textContent = hintText;
            wrap.parentNode.insertBefore(hint, wrap);
        }
        var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
        var atEnd = wrap.scrollLeft + wrap.clientWidth >= wrap.scrollWidth - 1;
        hint.hidden = !scrolls;
        wrap.classList.toggle('scrolls', scrolls);
        wrap.classList.toggle('more-right', scrolls && !atEnd);
        wrap.classList.toggle('more-left', scrolls && wrap.scrollLeft > 1);
        if (scrolls && !wrap.hasAttribute('tabindex')) {
            wrap.setAttribute('tabindex', '0');
            wrap.setAttribute('role', 'region');
            var caption = wrap.querySelector('caption');
            wrap.setAttribute('aria-label', caption ? caption.textContent.trim() : hintText);
        }
    }
    document.querySelectorAll('.table-wrap').forEach(function (wrap) {
        update(wrap);
        wrap.addEventListener('scroll', function () { update(wrap); }, { passive: true });
        if (window.ResizeObserver) new ResizeObserver(function () { update(wrap); }).observe(wrap);
    });
})();
