// Check-in by camera: only where the browser can read QR codes itself (BarcodeDetector).
// Without it, or without a camera, the code field works as before; nothing here is required.
(function () {
  "use strict";
  var form = document.getElementById("code-form");
  if (!form || !("BarcodeDetector" in window) || !navigator.mediaDevices ||
      !navigator.mediaDevices.getUserMedia) {
    return;
  }
  var input = form.querySelector("input[name=code]");
  var stream = null;
  var timer = null;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "utrecht-button utrecht-button--secondary-action";
  button.textContent = form.dataset.scanLabel;
  var video = document.createElement("video");
  video.className = "wd-scan-video";
  video.hidden = true;
  video.muted = true;
  video.setAttribute("playsinline", "");
  video.setAttribute("aria-label", form.dataset.scanLabel);

  // The code is six letters and digits, alone or at the end of a link.
  function codeFrom(text) {
    var match = /([A-Za-z0-9]{6})[^A-Za-z0-9]*$/.exec(text || "");
    return match ? match[1] : text;
  }

  function stop() {
    window.clearTimeout(timer);
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
    }
    stream = null;
    video.hidden = true;
    button.textContent = form.dataset.scanLabel;
  }

  function scan(detector) {
    detector.detect(video).then(function (codes) {
      if (codes.length && stream) {
        input.value = codeFrom(codes[0].rawValue);
        stop();
        form.submit();
      } else if (stream) {
        timer = window.setTimeout(function () { scan(detector); }, 250);
      }
    }).catch(function () {
      if (stream) {
        timer = window.setTimeout(function () { scan(detector); }, 500);
      }
    });
  }

  function start(detector) {
    navigator.mediaDevices.getUserMedia({video: {facingMode: "environment"}}).then(function (s) {
      stream = s;
      video.srcObject = s;
      video.hidden = false;
      button.textContent = form.dataset.scanStop;
      return video.play();
    }).then(function () { scan(detector); }).catch(stop);
  }

  window.BarcodeDetector.getSupportedFormats().then(function (formats) {
    if (formats.indexOf("qr_code") === -1) {
      return;
    }
    var detector = new window.BarcodeDetector({formats: ["qr_code", "code_128", "code_39"]
      .filter(function (format) { return formats.indexOf(format) !== -1; })});
    var actions = form.querySelector(".wd-actions");
    actions.appendChild(button);
    actions.parentNode.insertBefore(video, actions.nextSibling);
    button.addEventListener("click", function () {
      if (stream) {
        stop();
      } else {
        start(detector);
      }
    });
  }).catch(function () {});
})();
