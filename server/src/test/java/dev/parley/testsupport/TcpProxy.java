package dev.parley.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to a real server that a test can take down (closing every connection) and
 * bring back on the same port, to play a server that goes away and comes back.
 */
public final class TcpProxy implements AutoCloseable {

	private final InetSocketAddress target;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	private Thread acceptor;

	private int port;

	public TcpProxy(String host, int port) {
		this.target = new InetSocketAddress(host, port);
	}

	/** Listens (again) on 127.0.0.1, on the same port as before if it ran already. */
	public synchronized TcpProxy start() throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
		this.port = socket.getLocalPort();
		this.server = socket;
		this.acceptor = Thread.ofVirtual().name("tcp-proxy-accept").start(() -> accept(socket));
		return this;
	}

	/**
	 * Stops listening and cuts every relayed connection. Returns once the listening
	 * socket is really closed (a close with a thread blocked in accept completes when
	 * that thread leaves it), so a connection attempt after this call is refused.
	 */
	public synchronized void stop() throws IOException {
		if (this.server != null) {
			this.server.close();
			this.server = null;
			try {
				this.acceptor.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.sockets.clear();
	}

	public int port() {
		return this.port;
	}

	@Override
	public void close() throws IOException {
		stop();
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				if (this.server != socket) {
					// Accepted while stopping: refused like the rest.
					client.close();
					return;
				}
				relay(client);
			}
			catch (IOException ex) {
				// Closed by stop().
			}
		}
	}

	private void relay(Socket client) throws IOException {
		this.sockets.add(client);
		Socket upstream = new Socket();
		this.sockets.add(upstream);
		try {
			upstream.connect(this.target, 2000);
		}
		catch (IOException ex) {
			client.close();
			upstream.close();
			return;
		}
		Thread.ofVirtual().start(() -> pipe(client, upstream));
		Thread.ofVirtual().start(() -> pipe(upstream, client));
	}

	private static void pipe(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// One side closed.
		}
		finally {
			try {
				from.close();
				to.close();
			}
			catch (IOException ex) {
				// Already closed.
			}
		}
	}

}
